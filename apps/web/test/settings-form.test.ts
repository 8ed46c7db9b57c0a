import { describe, expect, it } from "vitest";
import { fieldErrorsOf, parseRanges, rangesText, settingsFromForm } from "../src/lib/settings-form.js";

const FILLED = {
  language: "fr",
  tone: " chaleureux ",
  signature: "",
  bannedPhrases: "gratuit\n\n  garanti à vie \n",
  debounceSeconds: "30",
  approvalSlaHours: "1.5",
  autonomyTier: "one_click",
  csat: "thumbs",
  timezone: "Europe/Paris",
  "hours.mon": "9:00-12:00, 14:00 – 18:00",
  "hours.tue": "",
  "hours.wed": "",
  "hours.thu": "",
  "hours.fri": "08:30-17:00",
  "hours.sat": "",
  "hours.sun": "",
  "outOfHours.en": "",
  "outOfHours.fr": "Nous rouvrons lundi.",
  "outOfHours.mg": "",
};

describe("the settings form", () => {
  it("turns the fields into the API's settings: lists, numbers, hours, empty means default", () => {
    const { settings, errors } = settingsFromForm(FILLED, { alwaysOpen: false, handoffNotice: true });
    expect(errors).toEqual({});
    expect(settings).toEqual({
      language: "fr",
      tone: "chaleureux",
      signature: null,
      bannedPhrases: ["gratuit", "garanti à vie"],
      debounceSeconds: 30,
      approvalSlaHours: 1.5,
      autonomyTier: "one_click",
      csat: "thumbs",
      businessHours: {
        timezone: "Europe/Paris",
        weekly: {
          mon: [
            ["09:00", "12:00"],
            ["14:00", "18:00"],
          ],
          fri: [["08:30", "17:00"]],
        },
      },
      handoffNotice: true,
      outOfHoursMessage: { fr: "Nous rouvrons lundi." },
    });
  });

  it("sends no hours when always open and shows saved ranges as they are typed", () => {
    expect(settingsFromForm(FILLED, { alwaysOpen: true, handoffNotice: false }).settings.businessHours).toBeNull();
    expect(rangesText(parseRanges("9:00-12:00,14:00-18:00"))).toBe("09:00-12:00, 14:00-18:00");
  });

  it("names the fields the browser can tell are wrong, before any request", () => {
    const { errors } = settingsFromForm(
      { ...FILLED, debounceSeconds: "", approvalSlaHours: "deux", "hours.tue": "9h à 12h" },
      { alwaysOpen: false, handoffNotice: false },
    );
    expect(errors).toEqual({
      debounceSeconds: { id: "settings.error.number" },
      approvalSlaHours: { id: "settings.error.number" },
      "hours.tue": { id: "settings.error.ranges" },
    });
  });

  it("puts the API's refusals beside the field they name", () => {
    const errors = fieldErrorsOf([
      { field: "settings.debounceSeconds", message: "Too big: expected number to be <=600" },
      { field: "settings.businessHours.timezone", message: "an IANA timezone, e.g. Europe/Paris" },
      { field: "settings.businessHours.weekly.mon.0", message: "a range ends after it starts" },
      { field: "settings.outOfHoursMessage.fr", message: "Too long" },
    ]);
    expect(Object.keys(errors)).toEqual(["debounceSeconds", "timezone", "hours.mon", "outOfHours.fr"]);
    expect(errors["hours.mon"]).toEqual({ id: "settings.error.refused", detail: "a range ends after it starts" });
  });
});
