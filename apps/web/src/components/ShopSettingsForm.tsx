import { PAYMENT_METHODS, type PaymentMethod } from "@support/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { MessageId } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import { minorToPrice, PAYMENT_LABEL, type ShopSettings, shopClient } from "../lib/shop.js";
import {
  bpToPercent,
  deliveryText,
  type OwnerVia,
  SHOP_CURRENCY,
  type ShopFormErrors,
  shopSettingsFromForm,
} from "../lib/shop-form.js";
import { ErrorNote } from "./ErrorNote.js";
import { Link } from "./Link.js";

const OWNER_VIAS: Record<OwnerVia, MessageId> = {
  none: "shop.settings.owner.none",
  email: "shop.settings.owner.email",
  slack: "shop.settings.owner.slack",
  whatsapp: "shop.settings.owner.whatsapp",
};

/** A PNG file as the base64 the API stores (no data: prefix). */
async function pngBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Tax, delivery, validity, payment, logo, approval threshold and owner notice of one shop (admins change them). */
export function ShopSettingsForm({
  app,
  settings,
  canEdit,
}: {
  app: string;
  settings: ShopSettings;
  canEdit: boolean;
}) {
  const t = useT();
  const client = useQueryClient();
  const [errors, setErrors] = useState<ShopFormErrors>({});
  const [pricesIncludeTax, setPricesIncludeTax] = useState(settings.pricesIncludeTax);
  const [via, setVia] = useState<OwnerVia>(settings.ownerNotification?.via ?? "none");
  const [logo, setLogo] = useState(settings.logoPng);
  const chosen = new Map(settings.paymentInstructions.map((p) => [p.method, p.details]));
  const [methods, setMethods] = useState<Partial<Record<PaymentMethod, boolean>>>(
    Object.fromEntries(PAYMENT_METHODS.map((m) => [m, chosen.has(m)])),
  );
  const save = useMutation({
    mutationFn: (body: Partial<ShopSettings>) => shopClient.saveSettings(app, body),
    onSuccess: (saved) => client.setQueryData(["shop", app], saved),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)]));
    const read = shopSettingsFromForm(form, { pricesIncludeTax, methods, logoPng: logo });
    setErrors(read.errors);
    save.reset();
    if (Object.keys(read.errors).length === 0) save.mutate(read.settings);
  };
  const owner = settings.ownerNotification;
  const error = (field: string) => {
    const id = errors[field];
    return id ? <span className="error field-error">{t(id)}</span> : null;
  };
  return (
    <form className="card stack settings-form" aria-label={t("shop.settings.title")} onSubmit={submit} noValidate>
      {!canEdit && <p>{t("settings.readOnly")}</p>}
      <fieldset disabled={!canEdit} className="stack">
        <legend>{t("shop.settings.quotes")}</legend>
        <label>
          {t("shop.settings.tax")}
          <input name="tax" inputMode="decimal" defaultValue={bpToPercent(settings.taxRateBp)} />
          {error("tax")}
        </label>
        <label className="inline">
          <input type="checkbox" checked={pricesIncludeTax} onChange={(e) => setPricesIncludeTax(e.target.checked)} />
          {t("shop.settings.pricesIncludeTax")}
        </label>
        <label>
          {t("shop.settings.delivery")}
          <textarea name="delivery" rows={3} defaultValue={deliveryText(settings.delivery)} />
          <small>{t("shop.settings.delivery.hint")}</small>
          {error("delivery")}
        </label>
        <label>
          {t("shop.settings.validity")}
          <input name="validity" type="number" min={1} max={365} defaultValue={settings.quoteValidityDays} />
          {error("validity")}
        </label>
        <label>
          {t("shop.settings.threshold", { currency: SHOP_CURRENCY })}
          <input
            name="threshold"
            inputMode="numeric"
            defaultValue={
              settings.approvalThresholdMinor === null
                ? ""
                : minorToPrice(settings.approvalThresholdMinor, SHOP_CURRENCY)
            }
          />
          <small>{t("shop.settings.threshold.hint")}</small>
          {error("threshold")}
        </label>
      </fieldset>
      <fieldset disabled={!canEdit} className="stack">
        <legend>{t("shop.settings.payment")}</legend>
        {PAYMENT_METHODS.map((m) => (
          <div key={m} className="row">
            <label className="inline">
              <input
                type="checkbox"
                checked={Boolean(methods[m])}
                onChange={(e) => setMethods((all) => ({ ...all, [m]: e.target.checked }))}
              />
              {t(PAYMENT_LABEL[m])}
            </label>
            <label>
              {t("shop.settings.payment.details", { method: t(PAYMENT_LABEL[m]) })}
              <input name={`details.${m}`} maxLength={200} defaultValue={chosen.get(m) ?? ""} />
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset disabled={!canEdit} className="stack">
        <legend>{t("shop.settings.owner")}</legend>
        <label>
          {t("shop.settings.owner.via")}
          <select name="ownerVia" value={via} onChange={(e) => setVia(e.target.value as OwnerVia)}>
            {Object.entries(OWNER_VIAS).map(([v, label]) => (
              <option key={v} value={v}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        {(via === "email" || via === "whatsapp") && (
          <label>
            {via === "email" ? t("shop.settings.owner.email.address") : t("shop.settings.owner.whatsapp.phone")}
            <input
              name="ownerTarget"
              type={via === "email" ? "email" : "tel"}
              defaultValue={owner?.via === "email" ? owner.address : owner?.via === "whatsapp" ? owner.phone : ""}
            />
            {error("ownerTarget")}
          </label>
        )}
      </fieldset>
      <fieldset disabled={!canEdit} className="stack">
        <legend>{t("shop.settings.logo")}</legend>
        {logo && <img src={`data:image/png;base64,${logo}`} alt={t("shop.settings.logo.current")} height={48} />}
        <label>
          {t("shop.settings.logo.file")}
          <input
            type="file"
            accept="image/png"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setLogo(await pngBase64(file));
            }}
          />
        </label>
        {logo && (
          <button type="button" onClick={() => setLogo(null)}>
            {t("shop.settings.logo.remove")}
          </button>
        )}
      </fieldset>
      <p>{t.rich("shop.settings.hours", { link: (chunks) => <Link to={`/settings?app=${app}`}>{chunks}</Link> })}</p>
      <ErrorNote error={save.error} />
      {save.isSuccess && <p role="status">{t("common.saved")}</p>}
      {canEdit && (
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("common.save")}
        </button>
      )}
    </form>
  );
}
