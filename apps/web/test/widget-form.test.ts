import { describe, expect, it } from "vitest";
import { widgetConfigChange, withOrigin } from "../src/lib/widget-form.js";

describe("the widget setup form", () => {
  it("reads origins per line, plans by name and empty choices as none", () => {
    expect(
      widgetConfigChange({
        origins: " https://shop.example/\n\nhttps://app.example\nhttps://shop.example\n",
        plans: [
          { plan: "pro", tier: "one_click" },
          { plan: "  ", tier: "auto_send" },
          { plan: "premium ", tier: "suggest" },
          { plan: "premium", tier: "auto_send" },
        ],
        defaultTier: "",
        responseTime: "  ",
      }),
    ).toEqual({
      allowedOrigins: ["https://shop.example", "https://app.example"],
      plans: { pro: "one_click", premium: "auto_send" },
      defaultTier: null,
      responseTime: null,
    });
    expect(widgetConfigChange({ origins: "", plans: [], defaultTier: "suggest", responseTime: "a day" })).toMatchObject(
      {
        defaultTier: "suggest",
        responseTime: "a day",
      },
    );
  });

  it("adds the dashboard's origin for the preview once", () => {
    expect(withOrigin(["https://a.example"], "http://127.0.0.1:3000")).toEqual([
      "https://a.example",
      "http://127.0.0.1:3000",
    ]);
    expect(withOrigin(["http://127.0.0.1:3000"], "http://127.0.0.1:3000")).toEqual(["http://127.0.0.1:3000"]);
  });
});
