import { createSecretBox, type Database, listAudit } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { showTriageConfig } from "../../src/procedures/categories.js";
import {
  listProcedures,
  procedureForCategory,
  procedureVersion,
  removeProcedure,
  saveProcedure,
  showProcedure,
} from "../../src/procedures/definitions.js";
import { THREE_D_INTAKE } from "../../src/procedures/template-3d-intake.js";
import { RETURN_AUTHORISATION } from "../../src/procedures/template-return.js";
import type { ServiceContext } from "../../src/service/context.js";
import { registerApp } from "../../src/tenancy/apps.js";
import { tenant } from "../analytics/seed.js";
import { dialects } from "../dialects.js";
import { testContext, testPlatform } from "../harness.js";

const box = createSecretBox({ 1: Buffer.alloc(32, 9) }, 1);

/** A deep copy to break on purpose. */
const copy = <T>(value: T): T => structuredClone(value);

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`procedure definitions on ${dialect.name}`, () => {
    let database: Database;
    let admin: ServiceContext;
    let agent: ServiceContext;
    let orgId: string;
    let appId: string;

    beforeAll(async () => {
      database = await dialect.open();
      ({ orgId } = await tenant(database.db, "Studio"));
      const platform = testPlatform(database, { secrets: box });
      admin = testContext(platform, orgId, "admin");
      agent = testContext(platform, orgId, "agent");
      appId = (await registerApp(admin, { name: "Studio" })).app.id;
    });
    afterAll(async () => database?.close());

    it("installs the 3d-intake template with its categories, and the return procedure on the built-in ones", async () => {
      const intake = await saveProcedure(admin, "studio", { template: "3d-intake" });
      expect(intake).toMatchObject({ key: "3d-intake", version: 1, triggerCategory: "MODELISATION" });
      const triage = await showTriageConfig(admin, "studio");
      expect(triage).toMatchObject({ custom: true, threshold: 0.7 });
      expect(triage.categories.map((c) => c.name)).toEqual(["MODELISATION", "SUPPORT"]);
      // The return procedure triggers on a built-in category the studio no longer has: refused.
      await expect(saveProcedure(admin, "studio", { definition: RETURN_AUTHORISATION })).rejects.toThrow(
        /definition\.trigger\.category: "order_shipping" is not one of the app's categories \(MODELISATION, SUPPORT\)/,
      );
      const shop = (await registerApp(admin, { name: "Boutique" })).app;
      const ret = await saveProcedure(admin, shop.slug, { template: "return-authorisation" });
      expect(ret).toMatchObject({ key: "return-authorisation", triggerCategory: "order_shipping" });
      expect((await showTriageConfig(admin, shop.slug)).custom).toBe(false);
    });

    it("refuses bad definitions with the field and the reason, storing nothing", async () => {
      const bad = copy(THREE_D_INTAKE) as Record<string, unknown> & typeof THREE_D_INTAKE;
      bad.key = "broken";
      bad.steps = [
        ...bad.steps.slice(0, 2),
        { id: "quote", kind: "quote", template: "nope" },
        {
          id: "quote",
          kind: "interpret_reply",
          timeoutHours: 1,
          on: { ...{ accept: "x" }, refuse: "end", question: "end", more_info: "end" },
        },
      ];
      (bad.templates as Record<string, Record<string, string>>).quote = { en: "{{quote.price}}" };
      bad.checklist = [{ anyOf: ["photo", "sketch"] }];
      let message = "";
      try {
        await saveProcedure(admin, "studio", { definition: bad });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('definition.steps.2.template: no template "nope"');
      expect(message).toContain('definition.steps.3.id: "quote" is used twice');
      expect(message).toContain('definition.steps.3.on.accept: no step "x"');
      expect(message).toContain("definition.templates.quote: no text in the default language fr");
      expect(message).toContain("definition.templates.quote.en: unknown placeholder {{quote.price}}");
      expect(message).toContain('definition.checklist.0.anyOf.1: no field "sketch"');
      const shape = await saveProcedure(admin, "studio", {
        definition: { ...bad, steps: [{ id: "a", kind: "fly" }] },
      }).catch((e: Error) => e.message);
      expect(shape).toMatch(/definition\.steps\.0\.kind: /);
      expect((await listProcedures(admin, "studio")).data.map((p) => p.key)).toEqual(["3d-intake"]);
    });

    it("saves a change as a new version; the old version stays readable for the runs that use it", async () => {
      const edited = copy(THREE_D_INTAKE);
      edited.name = "3D modelling request (v2)";
      const v2 = await saveProcedure(admin, "studio", { definition: edited });
      expect(v2.version).toBe(2);
      const v1 = await showProcedure(admin, "studio", "3d-intake", 1);
      expect(v1.name).toBe("3D modelling request");
      expect((await procedureVersion(admin, v1.id)).version).toBe(1);
      expect((await procedureForCategory(admin, appId, "MODELISATION"))?.version).toBe(2);
      expect((await listProcedures(admin, "studio")).data).toEqual([
        expect.objectContaining({ key: "3d-intake", version: 2, name: "3D modelling request (v2)" }),
      ]);
    });

    it("keeps one procedure per trigger category, and lets only admins change them", async () => {
      const other = { ...copy(THREE_D_INTAKE), key: "another-intake" };
      await expect(saveProcedure(admin, "studio", { definition: other })).rejects.toThrow(
        'procedure "3d-intake" already answers MODELISATION',
      );
      await expect(saveProcedure(agent, "studio", { template: "3d-intake" })).rejects.toThrow(/admin role/);
      await expect(removeProcedure(agent, "studio", "3d-intake")).rejects.toThrow(/admin role/);
      expect((await listProcedures(agent, "studio")).data).toHaveLength(1);
    });

    it("removes: no new run starts, the versions stay for the runs under way, the audit log has it all", async () => {
      const live = await showProcedure(admin, "studio", "3d-intake");
      await removeProcedure(admin, "studio", "3d-intake");
      expect((await listProcedures(admin, "studio")).data).toEqual([]);
      expect(await procedureForCategory(admin, appId, "MODELISATION")).toBeNull();
      expect((await procedureVersion(admin, live.id)).version).toBe(2);
      await expect(showProcedure(admin, "studio", "3d-intake")).rejects.toThrow('no procedure "3d-intake"');
      const actions = (await listAudit(database.db, orgId, { limit: 100 })).data.map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(["procedure.saved", "procedure.removed", "triage.categories_set"]),
      );
    });
  });
}
