import { ALARMTELEFONEN, EMERGENCY_SENTENCE, availability } from '@/lib/help-numbers';

/** The calm page a visitor sees while the database is away. Plain HTML, no script. */
export function unavailablePage(): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Siden er midlertidig utilgjengelig – Hjelpelinje</title>
<style>body{font-family:system-ui,sans-serif;background:#fbf8f3;color:#1f2a30;margin:0;line-height:1.6}main{max-width:40rem;margin:0 auto;padding:3rem 1rem}h1{font-size:1.8rem}</style>
</head>
<body>
<main>
<h1>Vi er straks tilbake</h1>
<p>Akkurat nå får vi ikke vist denne siden. Det er et problem hos oss, ikke hos deg. Prøv igjen om noen minutter.</p>
<p>Trenger du hjelp nå? ${EMERGENCY_SENTENCE} Barn og unge kan ringe ${ALARMTELEFONEN.name} på ${ALARMTELEFONEN.number}. ${availability(ALARMTELEFONEN)}</p>
</main>
</body>
</html>`;
}
