import type { Page } from "playwright-core";

/** Adds a text source on the Knowledge page and waits until it is searchable. */
export async function addKnowledge(page: Page, title: string, text: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Knowledge" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Text", exact: true }).fill(text);
  await page.getByRole("button", { name: "Add knowledge" }).click();
  const source = page.getByRole("listitem").filter({ hasText: title });
  await source.waitFor();
  // Sources are processed in the background; the page refreshes their status on request.
  for (let i = 0; i < 50 && !(await source.getByText(/^ready/).isVisible()); i++) {
    await page.getByRole("button", { name: "Refresh status" }).click();
    await page.waitForTimeout(200);
  }
  await source.getByText(/^ready/).waitFor();
}

/**
 * Registers a product-app integration with the signed-in session; answers the HTTP status. No
 * screen does this yet, so the page calls the API itself, as `skill apps integrate` would.
 */
export function registerProductApp(page: Page, appId: string, url: string, secret: string): Promise<number> {
  return page.evaluate(
    async (input) =>
      (
        await fetch(`/api/v1/apps/${input.appId}/integration`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ url: input.url, secret: input.secret }),
        })
      ).status,
    { appId, url, secret },
  );
}
