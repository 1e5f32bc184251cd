import { RankedChart } from '@/components/staff/charts/ranked-chart';
import { DataTable } from '@/components/staff/data-table';
import type { StatisticsReport } from '@/lib/stats/report';
import { Count } from './count-table';
import { Section } from './section';

type PageRow = StatisticsReport['pages'][number];

/** The twenty most read pages of the adult site in the period. */
export function PagesSection({ pages }: { pages: StatisticsReport['pages'] }) {
  return (
    <Section
      id="sider"
      title="Mest leste sider"
      intro={<p>De 20 sidene på nettsiden for voksne som ble åpnet flest ganger i perioden. Nettsiden for barn og unge teller bare besøk, ikke sider.</p>}
    >
      {pages.length ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <RankedChart id="sider-graf" title="Sidevisninger per side, de mest leste først" rows={pages.map((p) => ({ label: p.path, count: p.views }))} unit="visninger" />
          <DataTable<PageRow>
            caption="De mest leste sidene, flest visninger først"
            columns={[
              { header: 'Side', cell: (p) => <span className="font-mono text-sm break-all">{p.path}</span>, className: 'font-normal' },
              { header: 'Visninger', cell: (p) => <Count count={p.views} />, className: 'text-right tabular-nums' },
            ]}
            rows={pages}
            rowKey={(p) => p.path}
          />
        </div>
      ) : (
        <p className="rounded-2xl bg-white p-6">Ingen sider ble åpnet i perioden.</p>
      )}
    </Section>
  );
}
