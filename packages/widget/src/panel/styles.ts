/** The panel's styles, scoped by the Shadow DOM: nothing leaks into the host page or out of it. */
export const PANEL_CSS = `
.panel{position:fixed;right:16px;bottom:84px;width:370px;max-height:min(620px,calc(100vh - 110px));display:flex;flex-direction:column;
background:#fff;color:#111827;border-radius:14px;box-shadow:0 10px 40px #0005;overflow:hidden}
header{display:flex;align-items:center;justify-content:space-between;background:#1d4ed8;color:#fff;padding:10px 14px}
h2{font-size:16px;margin:0}h3{font-size:13px;margin:0 0 6px}
.icon{background:none;border:0;color:#fff;font-size:24px;cursor:pointer;line-height:1}
.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;min-height:160px}
.msg{max-width:85%;padding:8px 10px;border-radius:10px;background:#f3f4f6}
.msg p{margin:2px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.visitor{align-self:flex-end;background:#dbeafe}
.who{font-size:12px;font-weight:600;color:#374151}
.badge{display:inline-block;font-size:11px;color:#1e3a8a;background:#e0e7ff;border-radius:6px;padding:1px 6px}
.rate button{background:none;border:1px solid #d1d5db;border-radius:6px;margin:4px 4px 0 0;cursor:pointer}
.rated,.hint,.status{font-size:12px;color:#374151}
.notice{margin:0;padding:6px 12px;background:#fef3c7;color:#78350f;font-size:13px}
.suggestions{border-top:1px solid #e5e7eb;padding:8px 12px;max-height:180px;overflow-y:auto}
.suggestions ul{list-style:none;margin:0;padding:0}.suggestions li{margin-bottom:8px}
.suggestions p{margin:2px 0;font-size:13px;color:#374151}
a{color:#1d4ed8}
form{border-top:1px solid #e5e7eb;padding:8px 12px}label{font-size:13px}
.row{display:flex;gap:8px;margin-top:4px}
textarea,input{flex:1;font:inherit;border:1px solid #9ca3af;border-radius:8px;padding:6px 8px;resize:none}
button[type=submit]{background:#1d4ed8;color:#fff;border:0;border-radius:8px;padding:0 14px;cursor:pointer;font:inherit}
.link{background:none;border:0;color:#1d4ed8;text-decoration:underline;cursor:pointer;padding:0;font:inherit;font-size:13px}
.person{margin:0 12px 10px;align-self:flex-start}
.clip{background:none;border:1px solid #9ca3af;border-radius:8px;color:#374151;cursor:pointer;padding:0 8px}
.files{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:6px;font-size:12px}
.files li{display:flex;align-items:center;gap:4px;max-width:100%;overflow-wrap:anywhere}
.files img{max-width:96px;max-height:72px;border-radius:6px}
.pending{margin:0 0 6px}
.dots{display:flex;gap:4px;align-self:flex-start;margin:0;padding:10px 12px;border-radius:10px;background:#f3f4f6}
.dots span{width:7px;height:7px;border-radius:50%;background:#6b7280;animation:d 1s infinite alternate}
.dots span:nth-child(2){animation-delay:.2s}.dots span:nth-child(3){animation-delay:.4s}
@keyframes d{to{opacity:.2}}
@media (prefers-reduced-motion:reduce){.dots span{animation:none}}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
button:focus-visible,a:focus-visible,textarea:focus-visible,input:focus-visible,.log:focus-visible{outline:3px solid #f59e0b;outline-offset:1px}
@media (max-width:480px){.panel{inset:0;width:auto;max-height:none;border-radius:0}}
`;
