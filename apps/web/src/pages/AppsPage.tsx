import { useState } from "react";
import { ChannelForm } from "../components/ChannelForm.js";
import { CreateAppForm } from "../components/CreateAppForm.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { SigningKeysCard } from "../components/SigningKeysCard.js";
import { useApps, useChannels } from "../hooks/useData.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

function Channels({ app, canEdit }: { app: string; canEdit: boolean }) {
  const channels = useChannels(app);
  return (
    <div className="channels">
      {(channels.data?.data ?? []).map((c) => (
        <ChannelForm key={c.kind} app={app} channel={c} canEdit={canEdit} />
      ))}
    </div>
  );
}

export function AppsPage({ role }: { role: Role | null }) {
  const apps = useApps();
  const [chosen, setChosen] = useState<string>();
  const list = apps.data?.data ?? [];
  const current = list.find((a) => a.id === chosen) ?? list[0];
  const canEdit = roleAtLeast(role, "admin");
  return (
    <>
      <h1>Apps & channels</h1>
      {canEdit && <CreateAppForm onCreated={(app) => setChosen(app.id)} />}
      {list.length === 0 && (
        <EmptyState title="No apps yet">
          <p>
            {canEdit
              ? "Create an app for the product you support; then connect a channel or send a test message."
              : "Ask an admin to create an app."}
          </p>
        </EmptyState>
      )}
      {current && (
        <>
          <label>
            App
            <select value={current.id} onChange={(e) => setChosen(e.target.value)}>
              {list.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.slug})
                </option>
              ))}
            </select>
          </label>
          <p>
            <Link to={`/outbox?app=${current.slug}`}>Sandbox outbox</Link> ·{" "}
            <Link to={`/autonomy?app=${current.slug}`}>Autonomy</Link> ·{" "}
            <Link to={`/knowledge?app=${current.slug}`}>Knowledge</Link> ·{" "}
            <Link to={`/analytics?app=${current.slug}`}>Analytics</Link>
          </p>
          <h2>Channels of {current.name}</h2>
          <Channels app={current.slug} canEdit={canEdit} />
          <SigningKeysCard key={current.id} app={current.slug} canEdit={canEdit} />
        </>
      )}
    </>
  );
}
