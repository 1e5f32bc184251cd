/** One part of the dashboard, named by its heading. */
export function Section({ id, title, intro, children }: { id: string; title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-2xl bg-white/60 py-2">
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
      {intro ? <div className="max-w-prose space-y-2">{intro}</div> : null}
      {children}
    </section>
  );
}
