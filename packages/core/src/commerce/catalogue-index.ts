import { catalogueStamp, type Db, listProducts } from "@support/db";
import { indexProducts, type PricedProduct, type ProductIndex } from "@support/decisions";

export interface IndexedProduct extends PricedProduct {
  sku: string;
}

interface Cached {
  stamp: string;
  index: ProductIndex<IndexedProduct>;
  size: number;
}

// Shops per process whose index is kept; the least recently used is dropped beyond it.
const MAX_CACHED_APPS = 200;
const cache = new Map<string, Cached>();

/**
 * The app's catalogue indexed for search, rebuilt only when the catalogue changed: one aggregate
 * query (count and latest change) tells whether the cached index is current, so a price changed a
 * second ago - here or in another process - is the price quoted, without re-reading and
 * re-indexing every product for every message.
 */
export async function catalogueIndex(
  db: Db,
  orgId: string,
  appId: string,
): Promise<{ index: ProductIndex<IndexedProduct>; size: number }> {
  const key = `${orgId}:${appId}`;
  const stamp = await catalogueStamp(db, orgId, appId);
  const cached = cache.get(key);
  if (cached && cached.stamp === stamp) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const rows = await listProducts(db, orgId, appId);
  const index = indexProducts(
    rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      title: r.title,
      titles: (r.titles as Record<string, string> | null) ?? {},
      synonyms: (r.synonyms as string[] | null) ?? [],
      priceMinor: r.priceMinor,
      currency: r.currency,
      stock: r.stock,
      active: r.active,
    })),
  );
  const fresh = { stamp, index, size: rows.length };
  cache.set(key, fresh);
  if (cache.size > MAX_CACHED_APPS) cache.delete(cache.keys().next().value as string);
  return fresh;
}
