import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CatalogueImport } from "../components/CatalogueImport.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { ProductForm } from "../components/ProductForm.js";
import { ShopFrame } from "../components/ShopFrame.js";
import { useT } from "../i18n/useT.js";
import { type Product, shopClient } from "../lib/shop.js";

/** `/catalogue?app=slug`: the shop's products, found as a customer names them, edited, imported. */
export function CataloguePage({ app }: { app: string | undefined }) {
  const t = useT();
  return (
    <ShopFrame title={t("shop.catalogue.title")} app={app}>
      {(current) => <Catalogue app={current.slug} />}
    </ShopFrame>
  );
}

function Catalogue({ app }: { app: string }) {
  const t = useT();
  const client = useQueryClient();
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<Product | "new" | null>(null);
  const products = useQuery({
    queryKey: ["products", app, search],
    queryFn: () => shopClient.products(app, search.trim() || undefined),
  });
  const toggle = useMutation({
    mutationFn: (p: Product) => shopClient.updateProduct(app, p.id, { active: !p.active }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["products", app] }),
  });
  const list = products.data?.data ?? [];
  return (
    <>
      <div className="row">
        <label>
          {t("shop.catalogue.search")}
          <input
            type="search"
            value={search}
            placeholder={t("shop.catalogue.searchPlaceholder")}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <button type="button" className="primary" onClick={() => setEditing("new")}>
          {t("shop.catalogue.add")}
        </button>
      </div>
      {editing && (
        <ProductForm
          key={editing === "new" ? "new" : editing.id}
          app={app}
          product={editing === "new" ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <ErrorNote error={products.error ?? toggle.error} />
      {products.isPending ? (
        <p>{t("common.loading")}</p>
      ) : list.length === 0 ? (
        <p>{search ? t("shop.catalogue.noMatch") : t("shop.catalogue.empty")}</p>
      ) : (
        <table aria-label={t("shop.catalogue.products")}>
          <thead>
            <tr>
              <th>{t("shop.product.sku")}</th>
              <th>{t("shop.product.title")}</th>
              <th>{t("shop.product.price")}</th>
              <th>{t("shop.product.stock")}</th>
              <th>{t("common.status")}</th>
              <th>{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <td>{p.sku}</td>
                <td>
                  {p.title}
                  {p.titles.mg && <small lang="mg"> · {p.titles.mg}</small>}
                </td>
                <td>{p.priceText}</td>
                <td>{p.stock ?? t("shop.catalogue.untracked")}</td>
                <td>{p.active ? t("shop.catalogue.active") : t("shop.catalogue.inactive")}</td>
                <td>
                  <button type="button" onClick={() => setEditing(p)}>
                    {t("shop.catalogue.edit", { sku: p.sku })}
                  </button>{" "}
                  <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(p)}>
                    {p.active
                      ? t("shop.catalogue.deactivate", { sku: p.sku })
                      : t("shop.catalogue.activate", { sku: p.sku })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CatalogueImport app={app} />
    </>
  );
}
