import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The message the plugin SDK posts to its parent, with the port Front then talks through. */
const HANDSHAKE = "@frontapp/ui-sdk#WebViewBridge.handshake";

/**
 * A stand-in for Front's app on 127.0.0.1: a page that frames the plugin as Front does and speaks
 * the SDK's bridge protocol. It takes the handshake's MessagePort and sends `context_update`
 * messages on it (`window.sendContext(context)` from the test); function calls from the plugin
 * are answered with an error, as the plugin makes none.
 */
function hostPage(pluginUrl: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Fake Front</title></head>
<body>
<iframe id="plugin" title="Support plugin" src="${pluginUrl.replaceAll('"', "&quot;")}" style="width:380px;height:760px"></iframe>
<script>
  let port;
  window.connected = false;
  window.addEventListener("message", (event) => {
    if (event.data !== ${JSON.stringify(HANDSHAKE)} || !event.ports[0]) return;
    port = event.ports[0];
    port.onmessage = (m) => {
      if (m.data && m.data.type === "function_call")
        port.postMessage({ type: "function_error", id: m.data.id, error: "not available in the fake" });
    };
    port.start();
    window.connected = true;
  });
  window.sendContext = (context) => port.postMessage({ type: "context_update", context: { functionArities: {}, ...context } });
</script>
</body></html>`;
}

export interface FakeFront {
  url: string;
  origin: string;
  /** The plugin URL the next page load frames. */
  setPluginUrl: (url: string) => void;
  close: () => Promise<void>;
}

export async function startFakeFront(): Promise<FakeFront> {
  let pluginUrl = "about:blank";
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(hostPage(pluginUrl));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    setPluginUrl: (url) => {
      pluginUrl = url;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
