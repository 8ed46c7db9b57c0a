import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useT } from "../i18n/useT.js";
import { minorToPrice, type Product, priceToMinor, shopClient } from "../lib/shop.js";
import { ErrorNote } from "./ErrorNote.js";

const optional = (value: string) => (value.trim() === "" ? null : value.trim());

/** Creates a product, or edits the one given; the price is typed in the currency and sent in minor units. */
export function ProductForm({ app, product, onDone }: { app: string; product?: Product; onDone: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      product ? shopClient.updateProduct(app, product.id, body) : shopClient.createProduct(app, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["products", app] });
      onDone();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)]));
    const currency = (form.currency || "MGA").toUpperCase();
    const priceMinor = priceToMinor(form.price ?? "", currency);
    const stockText = optional(form.stock ?? "");
    const stock = stockText === null ? null : Number(stockText);
    if (priceMinor === undefined) return setInvalid(t("shop.product.invalidPrice"));
    if (stock !== null && !(Number.isInteger(stock) && stock >= 0)) return setInvalid(t("shop.product.invalidStock"));
    setInvalid(null);
    const titleMg = optional(form.titleMg ?? "");
    save.mutate({
      sku: form.sku,
      title: form.title,
      titles: titleMg ? { ...(product?.titles ?? {}), mg: titleMg } : {},
      priceMinor,
      currency,
      stock,
      category: optional(form.category ?? ""),
      imageUrl: optional(form.imageUrl ?? ""),
      synonyms: (form.synonyms ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      active: form.active === "on",
    });
  };
  const label = product ? t("shop.product.editLabel", { sku: product.sku }) : t("shop.product.newLabel");
  return (
    <form className="card stack product-form" aria-label={label} onSubmit={submit}>
      <h2>{label}</h2>
      <div className="row">
        <label>
          {t("shop.product.sku")}
          <input name="sku" required maxLength={64} defaultValue={product?.sku} />
        </label>
        <label>
          {t("shop.product.title")}
          <input name="title" required maxLength={200} defaultValue={product?.title} />
        </label>
        <label>
          {t("shop.product.titleMg")}
          <input name="titleMg" maxLength={200} defaultValue={product?.titles.mg ?? ""} />
        </label>
      </div>
      <div className="row">
        <label>
          {t("shop.product.price")}
          <input
            name="price"
            required
            inputMode="decimal"
            defaultValue={product ? minorToPrice(product.priceMinor, product.currency) : ""}
          />
        </label>
        <label>
          {t("shop.product.currency")}
          <input name="currency" maxLength={3} size={4} defaultValue={product?.currency ?? "MGA"} />
        </label>
        <label>
          {t("shop.product.stock")}
          <input name="stock" inputMode="numeric" defaultValue={product?.stock ?? ""} />
        </label>
        <label>
          {t("shop.product.category")}
          <input name="category" maxLength={100} defaultValue={product?.category ?? ""} />
        </label>
      </div>
      <label>
        {t("shop.product.imageUrl")}
        <input name="imageUrl" type="url" defaultValue={product?.imageUrl ?? ""} />
      </label>
      <label>
        {t("shop.product.synonyms")}
        <input name="synonyms" defaultValue={product?.synonyms.join(", ") ?? ""} />
      </label>
      <label className="inline">
        <input name="active" type="checkbox" defaultChecked={product?.active ?? true} />
        {t("shop.product.active")}
      </label>
      {invalid && (
        <p role="alert" className="error">
          {invalid}
        </p>
      )}
      <ErrorNote error={save.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {product ? t("common.save") : t("shop.product.create")}
        </button>
        <button type="button" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
