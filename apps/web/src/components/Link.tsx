import type { MouseEvent, ReactNode } from "react";
import { navigate } from "../hooks/useRoute.js";

/** A real link (open in a new tab works) that navigates in place on a plain click. */
export function Link({ to, children, current }: { to: string; children: ReactNode; current?: boolean }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}
