import { useMemo } from "react";
import { useIntl } from "react-intl";
import { type Translator, translator } from "./translator.js";

/** Messages and formatting in the active locale: `const t = useT(); t("queue.title")`. */
export function useT(): Translator {
  const intl = useIntl();
  return useMemo(() => translator(intl), [intl]);
}
