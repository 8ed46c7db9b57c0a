import { describe, expect, it } from "vitest";
import { ApiError } from "../src/lib/api.js";
import { parseSource, placeIssues } from "../src/lib/procedures.js";

const YAML = `key: intake
name: Intake
trigger:
  category: MODELISATION
steps:
  - id: ask
    kind: message
    template: hello
  - id: decide
    kind: interpret_reply
    timeoutHours: 24
    on:
      accept: nowhere
      refuse: end
`;

const refused = (issues: { field: string; message: string }[]) =>
  new ApiError(400, "invalid_input", issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues);

describe("the procedure editor's refused fields", () => {
  it("puts each zod path the API names on the line of the text it points at", () => {
    const placed = placeIssues(
      YAML,
      refused([
        { field: "definition.steps.1.on.accept", message: 'no step "nowhere"' },
        { field: "definition.steps.0.template", message: 'no template "hello"' },
      ]),
      "definition",
    );
    expect(placed.map((i) => i.line)).toEqual([13, 8]);
  });

  it("points a missing key at its parent, and reads JSON the same way", () => {
    const json = JSON.stringify({ key: "intake", trigger: { category: "X" }, steps: [] }, null, 2);
    const [issue] = placeIssues(
      json,
      refused([{ field: "definition.trigger.category", message: '"X" is not one of the app\'s categories' }]),
      "definition",
    );
    expect(issue?.line).toBe(json.split("\n").findIndex((l) => l.includes('"category"')) + 1);
    const [missing] = placeIssues(YAML, refused([{ field: "definition.quote", message: "required" }]), "definition");
    expect(missing?.line).toBe(1);
  });

  it("reads a service check's field from the detail when the problem lists no issues", () => {
    const error = new ApiError(400, "invalid_input", "definition.trigger.category: not a category of the app");
    expect(placeIssues(YAML, error, "definition")).toEqual([
      { field: "definition.trigger.category", message: "not a category of the app", line: 4 },
    ]);
  });

  it("names the line of a syntax error before anything is sent", () => {
    expect(parseSource("key: a\nsteps: [\n")).toMatchObject({ line: expect.any(Number) });
    expect(parseSource('{"key": "a"}')).toEqual({ value: { key: "a" } });
  });
});
