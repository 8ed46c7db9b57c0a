import { describe, expect, it } from "vitest";
import { sniffType } from "../src/index.js";

const of = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("file types by magic bytes", () => {
  it("recognises png, jpeg, gif, webp and pdf", () => {
    expect(sniffType(of([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "rest"))).toBe("image/png");
    expect(sniffType(of([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffType(of("GIF89a..."))).toBe("image/gif");
    expect(sniffType(of("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("image/webp");
    expect(sniffType(of("%PDF-1.4\n"))).toBe("application/pdf");
  });

  it("refuses what the name or a claimed type would let through", () => {
    expect(sniffType(of("MZ\x90\x00 an executable named photo.png"))).toBeUndefined();
    expect(sniffType(of("<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"))).toBeUndefined();
    expect(sniffType(of("RIFF", [1, 2, 3, 4], "WAVEfmt "))).toBeUndefined();
    expect(sniffType(of([0x89, 0x50]))).toBeUndefined();
    expect(sniffType(new Uint8Array())).toBeUndefined();
  });
});
