import { describe, expect, it } from "vitest";
import { htmlToMarkdown, parseFile, UnsupportedContentError } from "../src/index.js";
import { makeDocx, makePdf } from "./fixtures.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

const articlePage = `<!doctype html><html><head><title>Refund policy | Acme</title></head><body>
<nav><a href="/">Home</a> <a href="/pricing">Pricing</a> Menu Menu Menu</nav>
<header>Acme header banner</header>
<main><article><h1>Refund policy</h1>
<p>${"Annual plans can be refunded in full within thirty days of purchase. ".repeat(4)}</p>
<h2>How to ask</h2><p>${"Write to billing from the account page and quote your invoice number. ".repeat(3)}</p>
<ul><li>Monthly plans are not refunded</li><li>Refunds go to the original card</li></ul>
</article></main>
<footer>Copyright Acme, all rights reserved. Cookie settings.</footer></body></html>`;

describe("HTML", () => {
  it("keeps the main content as Markdown with headings and lists, drops navigation and footers", () => {
    const page = htmlToMarkdown(articlePage, "https://help.example.com/refunds");
    expect(page.title).toContain("Refund policy");
    expect(page.markdown).toMatch(/## How to ask/);
    expect(page.markdown).toMatch(/-\s+Monthly plans are not refunded/);
    expect(page.markdown).not.toContain("Cookie settings");
    expect(page.markdown).not.toContain("Menu Menu");
    expect(page.links).toEqual(["https://help.example.com/", "https://help.example.com/pricing"]);
  });
});

describe("parseFile", () => {
  it("reads Markdown and text, titling by the first heading or the file name", async () => {
    expect(await parseFile("guide.md", utf8("# Setup\n\nInstall it."))).toEqual([
      { format: "markdown", title: "Setup", url: null, markdown: "# Setup\n\nInstall it." },
    ]);
    expect((await parseFile("docs/notes.txt", utf8("Plain words.")))[0]?.title).toBe("notes");
  });

  it("reads PDF text and reports encrypted and corrupt PDFs", async () => {
    const [doc] = await parseFile("manual.pdf", makePdf(["Hold the power button for ten seconds.", "Then release."]));
    expect(doc?.format === "markdown" && doc.markdown).toContain("Hold the power button for ten seconds.");
    await expect(parseFile("secret.pdf", makePdf(["hidden"], { encrypt: true }))).rejects.toThrow(/encrypted PDF/);
    await expect(parseFile("broken.pdf", utf8("%PDF-1.4 garbage"))).rejects.toThrow(/not a readable PDF/);
  });

  it("reads DOCX headings and paragraphs", async () => {
    const [doc] = await parseFile("handbook.docx", await makeDocx("Leave policy", ["Ask your manager first."]));
    expect(doc?.format === "markdown" && doc.markdown).toMatch(/# Leave policy\s+Ask your manager first\./);
    await expect(parseFile("fake.docx", utf8("not a zip"))).rejects.toThrow(/not a readable DOCX/);
  });

  it("reads question/answer CSVs by header name, with quoted commas and newlines", async () => {
    const csv = 'id,Answer,Question\n1,"Yes, any TOTP app.\nSMS too.",Do you support 2FA?\n2,,Empty answer\n';
    const [doc] = await parseFile("faq.csv", utf8(csv));
    expect(doc).toEqual({
      format: "qa",
      title: "faq",
      url: null,
      pairs: [{ question: "Do you support 2FA?", answer: "Yes, any TOTP app.\nSMS too." }],
    });
  });

  it("names the reason for unsupported, binary and empty files", async () => {
    await expect(parseFile("image.png", utf8("x"))).rejects.toThrow(/unsupported file type ".png"/);
    await expect(parseFile("blob.txt", new Uint8Array([104, 0, 105]))).rejects.toThrow(/not a text file/);
    await expect(parseFile("empty.md", utf8("  \n"))).rejects.toBeInstanceOf(UnsupportedContentError);
  });
});
