import { useState } from "react";
import "drug-monograph/react";
import type { DrugMonographTab } from "drug-monograph/react";

export function MedicineInfo({ id }: { id: string }) {
  const [tab, setTab] = useState<DrugMonographTab>("usage");
  const [title, setTitle] = useState("");
  return (
    <section aria-label={title}>
      <drug-monograph
        src={`/monographs/${id}.json`}
        tab={tab}
        heading-level={2}
        ondrug-monograph-load={(event) => setTitle(event.detail.title)}
        ondrug-monograph-tabchange={(event) => setTab(event.detail.tab)}
        ondrug-monograph-error={(event) => console.warn(event.detail.kind, event.detail.message)}
      />
      <p>Open tab: {tab}</p>
    </section>
  );
}
