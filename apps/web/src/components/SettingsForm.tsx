import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useIntl } from "react-intl";
import type { MessageId } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import { ApiError, api } from "../lib/api.js";
import {
  type FieldErrors,
  fieldErrorsOf,
  NOTICE_LANGUAGES,
  REPLY_LANGUAGES,
  rangesText,
  settingsFromForm,
  WEEK_DAYS,
} from "../lib/settings-form.js";
import type { AppSettings, SupportApp } from "../lib/types.js";
import { ErrorNote } from "./ErrorNote.js";

/** One labelled control with its hint and, when refused, the reason beside it (linked for screen readers). */
function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const t = useT();
  const id = useId();
  const error = errors[name];
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(error ? { id, "aria-invalid": true, "aria-describedby": errorId } : { id })}
      {hint && <small>{hint}</small>}
      {error && (
        <span id={errorId} className="error field-error">
          {t(error.id)}
          {error.detail && (
            <>
              {" "}
              <span lang="en">{error.detail}</span>
            </>
          )}
        </span>
      )}
    </div>
  );
}

const TIERS: Record<AppSettings["autonomyTier"], MessageId> = {
  suggest: "autonomy.tier.suggest",
  one_click: "autonomy.tier.one_click",
  auto_send: "autonomy.tier.auto_send",
};

const CSAT_SCALES: Record<AppSettings["csat"], MessageId> = {
  off: "settings.csat.off",
  five: "settings.csat.five",
  thumbs: "settings.csat.thumbs",
};

/** Language, tone, signature, banned phrases, business hours, debounce, approval deadline and autonomy of one app. */
export function SettingsForm({ app, canEdit }: { app: SupportApp; canEdit: boolean }) {
  const t = useT();
  const { locale } = useIntl();
  const client = useQueryClient();
  const s = app.settings;
  const [alwaysOpen, setAlwaysOpen] = useState(s.businessHours === null);
  const [handoffNotice, setHandoffNotice] = useState(s.handoffNotice);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (settings: Partial<AppSettings>) =>
      api<SupportApp>(`/api/v1/apps/${encodeURIComponent(app.slug)}`, { method: "PATCH", body: { settings } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["apps"] }),
    onError: (error) => {
      if (error instanceof ApiError && error.issues.length) setErrors(fieldErrorsOf(error.issues));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v)]));
    const read = settingsFromForm(form, { alwaysOpen, handoffNotice });
    setErrors(read.errors);
    save.reset();
    if (Object.keys(read.errors).length === 0) save.mutate(read.settings);
  };
  const languageName = new Intl.DisplayNames([locale], { type: "language" });
  const refused = Object.keys(errors).length > 0;
  return (
    <form
      onSubmit={submit}
      className="settings-form card"
      aria-label={t("settings.form.label", { name: app.name })}
      noValidate
    >
      {!canEdit && <p>{t("settings.readOnly")}</p>}
      <fieldset disabled={!canEdit}>
        <legend>{t("settings.replies")}</legend>
        <Field name="language" label={t("settings.language")} hint={t("settings.language.hint")} errors={errors}>
          {(aria) => (
            <select name="language" defaultValue={s.language} {...aria}>
              {[...new Set([...REPLY_LANGUAGES, s.language])].map((code) => (
                <option key={code} value={code}>
                  {languageName.of(code) ?? code}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="tone" label={t("settings.tone")} errors={errors}>
          {(aria) => <input name="tone" defaultValue={s.tone} maxLength={200} {...aria} />}
        </Field>
        <Field
          name="signature"
          label={t("settings.signature")}
          hint={t("settings.signature.hint", { name: app.name })}
          errors={errors}
        >
          {(aria) => <textarea name="signature" rows={2} defaultValue={s.signature ?? ""} maxLength={500} {...aria} />}
        </Field>
        <Field
          name="bannedPhrases"
          label={t("settings.bannedPhrases")}
          hint={t("settings.bannedPhrases.hint")}
          errors={errors}
        >
          {(aria) => <textarea name="bannedPhrases" rows={3} defaultValue={s.bannedPhrases.join("\n")} {...aria} />}
        </Field>
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>{t("settings.workflow")}</legend>
        <Field name="debounceSeconds" label={t("settings.debounce")} errors={errors}>
          {(aria) => (
            <input
              name="debounceSeconds"
              type="number"
              min={0}
              max={600}
              step={1}
              defaultValue={s.debounceSeconds}
              {...aria}
            />
          )}
        </Field>
        <Field name="approvalSlaHours" label={t("settings.approvalSla")} errors={errors}>
          {(aria) => (
            <input
              name="approvalSlaHours"
              type="number"
              min={0.25}
              max={168}
              step={0.25}
              defaultValue={s.approvalSlaHours}
              {...aria}
            />
          )}
        </Field>
        <Field name="autonomyTier" label={t("settings.autonomy")} errors={errors}>
          {(aria) => (
            <select name="autonomyTier" defaultValue={s.autonomyTier} {...aria}>
              {Object.entries(TIERS).map(([tier, label]) => (
                <option key={tier} value={tier}>
                  {t(label)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="csat" label={t("settings.csat")} errors={errors}>
          {(aria) => (
            <select name="csat" defaultValue={s.csat} {...aria}>
              {Object.entries(CSAT_SCALES).map(([scale, label]) => (
                <option key={scale} value={scale}>
                  {t(label)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>{t("settings.hours")}</legend>
        <label className="inline">
          <input type="checkbox" checked={alwaysOpen} onChange={(e) => setAlwaysOpen(e.target.checked)} />
          {t("settings.alwaysOpen")}
        </label>
        <Field name="timezone" label={t("settings.timezone")} hint={t("settings.timezone.hint")} errors={errors}>
          {(aria) => (
            <input
              name="timezone"
              disabled={alwaysOpen}
              defaultValue={s.businessHours?.timezone ?? "Europe/Paris"}
              {...aria}
            />
          )}
        </Field>
        <small>{t("settings.hours.hint")}</small>
        {WEEK_DAYS.map((day) => (
          <Field key={day} name={`hours.${day}`} label={t(`settings.day.${day}`)} errors={errors}>
            {(aria) => (
              <input
                name={`hours.${day}`}
                disabled={alwaysOpen}
                defaultValue={rangesText(s.businessHours?.weekly[day])}
                placeholder="09:00-12:00, 14:00-18:00"
                {...aria}
              />
            )}
          </Field>
        ))}
        <label className="inline">
          <input type="checkbox" checked={handoffNotice} onChange={(e) => setHandoffNotice(e.target.checked)} />
          {t("settings.handoffNotice")}
        </label>
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>{t("settings.outOfHours")}</legend>
        <small>{t("settings.outOfHours.hint")}</small>
        {NOTICE_LANGUAGES.map((lang) => (
          <Field key={lang} name={`outOfHours.${lang}`} label={t(`settings.outOfHours.${lang}`)} errors={errors}>
            {(aria) => (
              <textarea
                name={`outOfHours.${lang}`}
                lang={lang}
                rows={2}
                maxLength={1000}
                defaultValue={s.outOfHoursMessage?.[lang] ?? ""}
                {...aria}
              />
            )}
          </Field>
        ))}
      </fieldset>
      {canEdit && (
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("settings.save")}
        </button>
      )}
      {save.isSuccess && <p role="status">{t("common.saved")}</p>}
      {refused ? (
        <p role="alert" className="error">
          {t("settings.error.fix")}
        </p>
      ) : (
        <ErrorNote error={save.error} />
      )}
    </form>
  );
}
