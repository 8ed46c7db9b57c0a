import { describe, expect, it } from "vitest";
import { type BusinessHours, handoffNotice, isWithinBusinessHours } from "../src/handoff/business-hours.js";

const tana: BusinessHours = {
  timezone: "Indian/Antananarivo",
  weekly: {
    mon: [
      ["08:00", "12:00"],
      ["14:00", "18:00"],
    ],
    sat: [["09:00", "12:00"]],
  },
};

describe("business hours", () => {
  it("reads the hours in the app's timezone, end excluded", () => {
    // Antananarivo is UTC+3: Monday 2026-11-30 08:30 there is 05:30 UTC.
    expect(isWithinBusinessHours(tana, new Date("2026-11-30T05:30:00Z"))).toBe(true);
    expect(isWithinBusinessHours(tana, new Date("2026-11-30T09:30:00Z"))).toBe(false); // 12:30, lunch
    expect(isWithinBusinessHours(tana, new Date("2026-11-30T15:00:00Z"))).toBe(false); // 18:00, closed
    expect(isWithinBusinessHours(tana, new Date("2026-12-01T06:00:00Z"))).toBe(false); // Tuesday
    expect(isWithinBusinessHours(tana, new Date("2026-12-05T06:30:00Z"))).toBe(true); // Saturday 09:30
  });

  it("follows daylight saving time", () => {
    const paris: BusinessHours = { timezone: "Europe/Paris", weekly: { mon: [["09:00", "17:00"]] } };
    expect(isWithinBusinessHours(paris, new Date("2026-07-06T07:30:00Z"))).toBe(true); // 09:30 CEST
    expect(isWithinBusinessHours(paris, new Date("2026-12-07T07:30:00Z"))).toBe(false); // 08:30 CET
  });

  it("is always open without hours", () => {
    expect(isWithinBusinessHours(null, new Date())).toBe(true);
  });
});

describe("the notice when a person takes over", () => {
  it("promises the SLA in the customer's language", () => {
    expect(handoffNotice({ language: "fr", fallbackLanguage: "en", open: true, slaHours: 4 }).text).toContain(
      "d'ici 4 heures",
    );
    expect(handoffNotice({ language: "mg", fallbackLanguage: "fr", open: true, slaHours: 1 }).text).toContain("1 ora");
    expect(handoffNotice({ language: "de", fallbackLanguage: "fr", open: true, slaHours: 2 })).toMatchObject({
      language: "fr",
    });
  });

  it("outside business hours says so, with the app's own message when it has one", () => {
    const own = { fr: "Nous ouvrons lundi à 9 h." };
    expect(
      handoffNotice({ language: "fr", fallbackLanguage: "fr", open: false, slaHours: 4, outOfHoursMessage: own }).text,
    ).toBe("Nous ouvrons lundi à 9 h.");
    expect(
      handoffNotice({ language: "en", fallbackLanguage: "fr", open: false, slaHours: 4, outOfHoursMessage: own }).text,
    ).toContain("as soon as we are back");
  });
});
