/** One page of a listing, as every `/api/v1` list answers. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Walks every page lazily: `for await (const item of paginate((cursor) => list({ cursor })))`. */
export async function* paginate<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
