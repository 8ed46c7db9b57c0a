import type { ProductBody, ProductPatch, ProductView } from "@support/contract";
import {
  deleteProduct as deleteProductRow,
  getProduct,
  insertProduct,
  listProducts,
  type ProductFields,
  type ProductRow,
  productsBySku,
  updateProduct as updateProductRow,
} from "@support/db";
import { checkProductValues, formatMoney, indexProducts, type ProductValues, searchProducts } from "@support/decisions";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";

/** The currency of a product created without one: the platform's first shops are in Madagascar. */
export const DEFAULT_CURRENCY = "MGA";

export function productView(row: ProductRow): ProductView {
  return {
    id: row.id,
    appId: row.appId,
    sku: row.sku,
    title: row.title,
    titles: (row.titles as Record<string, string> | null) ?? {},
    description: row.description,
    priceMinor: row.priceMinor,
    currency: row.currency,
    priceText: formatMoney(row.priceMinor, row.currency, "fr"),
    stock: row.stock,
    imageUrl: row.imageUrl,
    category: row.category,
    active: row.active,
    synonyms: (row.synonyms as string[] | null) ?? [],
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The stored fields of checked values: what an import compares and writes. */
export function productFields(values: ProductValues): ProductFields {
  return {
    sku: values.sku,
    title: values.title,
    titles: values.titles,
    description: values.description,
    priceMinor: values.priceMinor,
    currency: values.currency,
    stock: values.stock,
    imageUrl: values.imageUrl,
    category: values.category,
    active: values.active,
    synonyms: values.synonyms,
  };
}

export function rowValues(row: ProductRow): ProductValues {
  return {
    sku: row.sku,
    title: row.title,
    titles: (row.titles as Record<string, string> | null) ?? {},
    description: row.description,
    priceMinor: row.priceMinor,
    currency: row.currency,
    stock: row.stock,
    imageUrl: row.imageUrl,
    category: row.category,
    active: row.active,
    synonyms: (row.synonyms as string[] | null) ?? [],
  };
}

function checked(values: ProductValues): ProductValues {
  const problem = checkProductValues(values);
  if (problem) throw new AppError("invalid_input", problem);
  return values;
}

/** The app's products; with `q`, the ones a customer's words name, best first (inactive ones too). */
export async function listProductViews(
  ctx: ServiceContext,
  appRef: string,
  query: { q?: string } = {},
): Promise<{ data: ProductView[] }> {
  requireRole(ctx, "agent");
  const app = await requireApp(ctx, appRef);
  const rows = await listProducts(ctx.db, ctx.org.id, app.id);
  if (!query.q) return { data: rows.map(productView) };
  const matches = searchProducts(indexProducts(rows.map(searchable)), query.q, { limit: 20 });
  return { data: matches.map((m) => productView(m.product.row)) };
}

function searchable(row: ProductRow) {
  return {
    id: row.id,
    sku: row.sku,
    title: row.title,
    titles: (row.titles as Record<string, string> | null) ?? {},
    synonyms: (row.synonyms as string[] | null) ?? [],
    row,
  };
}

export async function productOf(ctx: ServiceContext, appRef: string, id: string): Promise<ProductView> {
  requireRole(ctx, "agent");
  const app = await requireApp(ctx, appRef);
  const row = await getProduct(ctx.db, ctx.org.id, app.id, id);
  if (!row) throw new AppError("not_found", `product "${id}" not found`);
  return productView(row);
}

function valuesOf(body: ProductPatch, base?: ProductValues): ProductValues {
  return {
    sku: body.sku ?? base?.sku ?? "",
    title: body.title ?? base?.title ?? "",
    titles: body.titles ?? base?.titles ?? {},
    description: body.description === undefined ? (base?.description ?? null) : body.description,
    priceMinor: body.priceMinor ?? base?.priceMinor ?? -1,
    currency: (body.currency ?? base?.currency ?? DEFAULT_CURRENCY).toUpperCase(),
    stock: body.stock === undefined ? (base?.stock ?? null) : body.stock,
    imageUrl: body.imageUrl === undefined ? (base?.imageUrl ?? null) : body.imageUrl,
    category: body.category === undefined ? (base?.category ?? null) : body.category,
    active: body.active ?? base?.active ?? true,
    synonyms: body.synonyms ?? base?.synonyms ?? [],
  };
}

/** Adds one product; admins only. A sku already in the catalogue is a conflict. */
export async function createProduct(ctx: ServiceContext, appRef: string, body: ProductBody): Promise<ProductView> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const values = checked(valuesOf(body));
  const row = await commitChange(ctx, async (tx, log) => {
    const [existing] = await productsBySku(tx, ctx.org.id, app.id, [values.sku]);
    if (existing) throw new AppError("conflict", `sku ${values.sku} is already product ${existing.id}`);
    const row = await insertProduct(tx, ctx.org.id, app.id, productFields(values));
    await log.audit({ action: "product.created", subject: row.id, data: { sku: row.sku } });
    return row;
  });
  return productView(row);
}

/** Changes the given fields of a product; admins only. */
export async function updateProduct(
  ctx: ServiceContext,
  appRef: string,
  id: string,
  patch: ProductPatch,
): Promise<ProductView> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const row = await commitChange(ctx, async (tx, log) => {
    const existing = await getProduct(tx, ctx.org.id, app.id, id);
    if (!existing) throw new AppError("not_found", `product "${id}" not found`);
    const values = checked(valuesOf(patch, rowValues(existing)));
    if (values.sku !== existing.sku) {
      const [clash] = await productsBySku(tx, ctx.org.id, app.id, [values.sku]);
      if (clash) throw new AppError("conflict", `sku ${values.sku} is already product ${clash.id}`);
    }
    const row = await updateProductRow(tx, ctx.org.id, existing, productFields(values));
    await log.audit({ action: "product.updated", subject: row.id, data: { fields: Object.keys(patch) } });
    return row;
  });
  return productView(row);
}

export async function deleteProduct(ctx: ServiceContext, appRef: string, id: string): Promise<void> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  await commitChange(ctx, async (tx, log) => {
    const existing = await getProduct(tx, ctx.org.id, app.id, id);
    if (!existing) throw new AppError("not_found", `product "${id}" not found`);
    await deleteProductRow(tx, ctx.org.id, existing.id);
    await log.audit({ action: "product.deleted", subject: existing.id, data: { sku: existing.sku } });
  });
}
