export const metadata = { title: 'For barn og unge' };

export default function YoungStartPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Er det noe som er vanskelig hjemme?</h1>
      <p className="mt-4">
        Her kan du lese om hvordan det er når noen i familien er syke. Du kan også snakke med oss. Du trenger ikke si hvem du er.
      </p>
      <section aria-labelledby="hjelp-na" className="mt-8 rounded-2xl border-2 border-brand bg-white p-5">
        <h2 id="hjelp-na" className="text-xl font-bold">Trenger du hjelp nå?</h2>
        <ul className="mt-3 space-y-2">
          <li><strong>113</strong>: ring hvis noen er i fare.</li>
          <li><strong>116 111</strong>: Alarmtelefonen for barn og unge. Gratis, hele døgnet.</li>
          <li><strong>116 123</strong>: Mental Helse sin hjelpetelefon.</li>
        </ul>
      </section>
      <p className="mt-8">
        Knappen <strong>Rask utgang</strong> øverst til høyre tar deg bort fra siden med en gang. Du kan også trykke på Esc-tasten.
      </p>
    </>
  );
}
