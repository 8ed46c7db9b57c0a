import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { I18nProvider } from "./i18n/I18nProvider.js";
import "./styles.css";

// No refetch intervals: fresh data arrives through server-sent events (useLiveEvents).
const client = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 5_000 } } });

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <QueryClientProvider client={client}>
          <App />
        </QueryClientProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
