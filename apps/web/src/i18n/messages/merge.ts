type Catalogue = Record<string, string>;

/** The intersection of the areas' types: one object type with every area's ids and literal texts. */
type Merged<A> = { [K in keyof A]: (area: A[K]) => void }[keyof A] extends (area: infer I) => void ? I : never;

/** One catalogue from a locale's areas (one file per feature area, so parallel work touches different files). */
export function merge<A extends Record<string, Catalogue>>(areas: A): Merged<A> {
  return Object.assign({}, ...Object.values(areas)) as Merged<A>;
}
