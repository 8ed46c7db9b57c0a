import { describe, expect, it } from "vitest";
import { conversationPath, draftPath, matchRoute, subjectLink } from "../src/lib/links.js";

const PUBLIC_URL = "https://support.example.com";
const route = (url: string) => matchRoute(new URL(url, PUBLIC_URL).pathname);

describe("dashboard links", () => {
  it("resolves the links Slack cards and messages carry to real pages", () => {
    // As apps/slack builds them: approval cards and reminders, escalations, failed sends, the daily summary.
    expect(route(`${PUBLIC_URL}/drafts/drf_01ABC`)).toEqual({ page: "draft", id: "drf_01ABC" });
    expect(route(`${PUBLIC_URL}/conversations/cnv_01ABC`)).toEqual({ page: "conversation", id: "cnv_01ABC" });
    expect(route(`${PUBLIC_URL}/drafts`)).toEqual({ page: "queue" });
  });

  it("round-trips the paths it builds, ids with reserved characters included", () => {
    expect(route(draftPath("drf_a/b?c"))).toEqual({ page: "draft", id: "drf_a/b?c" });
    expect(route(conversationPath("cnv_x#1"))).toEqual({ page: "conversation", id: "cnv_x#1" });
  });

  it("names the other pages and answers not found for anything else", () => {
    expect(matchRoute("/")).toEqual({ page: "queue" });
    expect(matchRoute("/audit/")).toEqual({ page: "audit" });
    expect(matchRoute("/outbox")).toEqual({ page: "outbox" });
    expect(matchRoute("/conversations")).toEqual({ page: "not_found" });
    expect(matchRoute("/drafts/drf_1/extra")).toEqual({ page: "not_found" });
    expect(matchRoute("/drafts/%E0%A4%A")).toEqual({ page: "not_found" });
    expect(matchRoute("/nowhere")).toEqual({ page: "not_found" });
  });

  it("links audit subjects that name a draft or a conversation", () => {
    expect(subjectLink("drf_01ABC")).toBe("/drafts/drf_01ABC");
    expect(subjectLink("cnv_01ABC")).toBe("/conversations/cnv_01ABC");
    expect(subjectLink("app_01ABC")).toBeUndefined();
  });
});
