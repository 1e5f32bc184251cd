import { Link } from '@/components/site-link';
import { StartChooser } from '@/components/unge/start-chooser';
import { TopicList } from '@/components/unge/topic-list';
import { loadContent } from '@/lib/content/load';

export const metadata = {
  title: 'For barn og unge',
  description: 'For deg som har en mamma, pappa, søsken eller en annen du er glad i som er syk, ruser seg eller har dødd.',
};

export default function YoungStartPage() {
  const { youngTopics } = loadContent();
  return (
    <>
      <h1 className="text-3xl font-bold sm:text-4xl">Er det noe som er vanskelig hjemme?</h1>
      <p className="mt-4">
        Her kan du lese om hvordan det kan være når noen i familien er syke, ruser seg eller har dødd. Du kan også chatte med oss. Du
        trenger ikke si hvem du er.
      </p>
      <div className="mt-8">
        <StartChooser />
      </div>
      <section aria-labelledby="temaer-overskrift" className="mt-10">
        <h2 id="temaer-overskrift" className="text-2xl font-bold">
          Hva vil du lese om?
        </h2>
        <TopicList topics={youngTopics} headingLevel="h3" />
      </section>
      <p className="mt-10">
        Knappen <strong>Rask utgang</strong> øverst til høyre tar deg bort fra siden med en gang. Du kan også trykke på Esc-tasten.
        Vil du vite mer om hvordan du kan skjule at du har vært her? Les siden{' '}
        <Link href="/unge/skjul-besoket" className="text-brand-dark underline">Skjul besøket ditt</Link>.
        Les gjerne <Link href="/unge/brukeravtale" className="text-brand-dark underline">brukeravtalen</Link> før du chatter med oss.
      </p>
    </>
  );
}
