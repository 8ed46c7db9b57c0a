import { useEffect, useState } from "react";

/** Client-side routes on the History API; the server answers index.html for every path. */
export function navigate(path: string) {
  window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

const readRoute = () => ({ path: window.location.pathname, params: new URLSearchParams(window.location.search) });

export function useRoute(): { path: string; params: URLSearchParams } {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const update = () => setRoute(readRoute());
    window.addEventListener("popstate", update);
    return () => window.removeEventListener("popstate", update);
  }, []);
  return route;
}
