import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn } from "./skill.js";

const skill = (dataDir: string, ...args: string[]) => skillIn({ DATA_DIR: dataDir }, ...args);

describe("skill procedures", () => {
  const root = mkdtempSync(join(tmpdir(), "support-procedures-cli-"));
  const dataDir = join(root, "data");

  it("adds the built-in template, lists, shows, edits from YAML as a new version, and removes", async () => {
    expect((await skill(dataDir, "init", "--name", "Studio")).code).toBe(0);
    const added = await skill(dataDir, "procedures", "add", "--template", "3d-intake", "--app", "studio");
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("Saved 3d-intake  v1  on MODELISATION  3D modelling request");
    expect(added.stdout).toContain("Steps: extract → complete → quote → quoted → decision");

    const shown = JSON.parse(
      (await skill(dataDir, "procedures", "show", "3d-intake", "--app", "studio", "--json")).stdout,
    );
    const yamlFile = join(root, "intake.yaml");
    // YAML accepts JSON, so the shown definition, renamed, is a valid YAML file.
    writeFileSync(yamlFile, JSON.stringify({ ...shown.definition, name: "Intake, edited" }));
    const edited = await skill(dataDir, "procedures", "add", yamlFile, "--app", "studio", "--json");
    expect(JSON.parse(edited.stdout)).toMatchObject({ version: 2, name: "Intake, edited" });

    const list = await skill(dataDir, "procedures", "list", "--app", "studio");
    expect(list.stdout.trim()).toBe("3d-intake  v2  on MODELISATION  Intake, edited");
    const v1 = await skill(dataDir, "procedures", "show", "3d-intake", "--app", "studio", "--version", "1", "--json");
    expect(JSON.parse(v1.stdout).name).toBe("3D modelling request");

    const removed = await skill(dataDir, "procedures", "remove", "3d-intake", "--app", "studio");
    expect(removed.stdout).toContain("Removed 3d-intake  v2");
    expect((await skill(dataDir, "procedures", "list", "--app", "studio")).stdout).toContain(
      "No procedures on studio.",
    );
  });

  it("tests a procedure over a YAML transcript in shadow mode, printing every step", async () => {
    expect((await skill(dataDir, "procedures", "add", "--template", "3d-intake", "--app", "studio")).code).toBe(0);
    const transcript = join(root, "transcript.yaml");
    writeFileSync(
      transcript,
      `customer: { email: ada@example.com }
messages:
  - text: Bonjour, je voudrais modéliser une chaise
  - text: "Voici la photo : 1,20 m x 60 cm x 45 cm"
    attachments: [{ name: chaise.jpg, contentType: image/jpeg }]
  - text: Parfait, je valide
`,
    );
    const res = await skill(
      dataDir,
      "procedures",
      "test",
      "3d-intake",
      "--app",
      "studio",
      "--transcript",
      transcript,
      "--json",
    );
    expect(res.code, res.stderr).toBe(0);
    const run = JSON.parse(res.stdout);
    expect(run).toMatchObject({
      procedure: { key: "3d-intake", version: 3 },
      outcome: "finished",
      conversationStatus: "validated",
    });
    expect(run.steps.find((s: { kind: string }) => s.kind === "create_task").output).toEqual({
      wouldCreateTask: "Demande ada@example.com",
    });
    const text = await skill(dataDir, "procedures", "test", "3d-intake", "--app", "studio", "--transcript", transcript);
    expect(text.stdout).toContain("3d-intake v3 in shadow mode (nothing sent): finished, status validated");
  });

  it("refuses a bad YAML definition with the field and the reason, and an unknown template", async () => {
    const bad = join(root, "bad.yaml");
    writeFileSync(
      bad,
      `key: quick
name: Quick
trigger: { category: billing }
defaultLanguage: en
templates: { hello: { en: "Hi {{customer.nickname}}" } }
steps:
  - { id: hi, kind: message, template: hello, next: nowhere }
`,
    );
    const res = await skill(dataDir, "procedures", "add", bad, "--app", "studio");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('definition.steps.0.next: no step "nowhere"');
    expect(res.stderr).toContain("definition.templates.hello.en: unknown placeholder {{customer.nickname}}");
    const unknown = await skill(dataDir, "procedures", "add", "--template", "bakery", "--app", "studio");
    expect(unknown.stderr).toContain('no template "bakery"; templates: 3d-intake, return-authorisation');
  });
});

describe("skill procedures connect clickup", () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "support-clickup-cli-")), "data");

  it("stores the list, the parent and the API base, never prints the token, and refuses a bad list id", async () => {
    expect((await skill(dataDir, "init", "--name", "Studio")).code).toBe(0);
    const args = ["procedures", "connect", "clickup", "--app", "studio", "--token", "pk_secret_123"];
    const connected = await skill(
      dataDir,
      ...args,
      "--list",
      "901",
      "--parent",
      "86abc",
      "--api-url",
      "http://127.0.0.1:9",
    );
    expect(connected.code, connected.stderr).toBe(0);
    expect(connected.stdout).toContain("ClickUp list 901 as subtasks of 86abc (http://127.0.0.1:9)");
    const json = await skill(dataDir, ...args, "--list", "902", "--json");
    expect(JSON.parse(json.stdout)).toEqual({
      provider: "clickup",
      apiUrl: "https://api.clickup.com",
      listId: "902",
      parentTaskId: null,
      updatedAt: expect.any(String),
    });
    expect(json.stdout).not.toContain("pk_secret_123");
    const bad = await skill(dataDir, ...args, "--list", "no spaces");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("listId: a ClickUp list id");
    const missing = await skill(dataDir, "procedures", "connect", "clickup", "--app", "studio", "--list", "1");
    expect(missing.stderr).toContain("needs --token and --list");
  });

  it("connects HubSpot: tasks become tickets, the token is never printed", async () => {
    const args = ["procedures", "connect", "hubspot", "--app", "studio", "--token", "pat-secret-456"];
    const connected = await skill(dataDir, ...args, "--api-url", "http://127.0.0.1:9");
    expect(connected.code, connected.stderr).toBe(0);
    expect(connected.stdout).toContain("become HubSpot tickets (pipeline 0, stage 1, http://127.0.0.1:9)");
    const json = await skill(dataDir, ...args, "--json");
    expect(JSON.parse(json.stdout)).toEqual({
      provider: "hubspot",
      apiUrl: "https://api.hubapi.com",
      listId: "0",
      parentTaskId: "1",
      updatedAt: expect.any(String),
    });
    expect(connected.stdout + json.stdout).not.toContain("pat-secret-456");
    const missing = await skill(dataDir, "procedures", "connect", "hubspot", "--app", "studio");
    expect(missing.stderr).toContain("needs --token");
  });
});
