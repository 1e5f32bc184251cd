CREATE TABLE "chat_quick_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_quick_replies_category_known" CHECK ("category" in ('apning', 'er-du-der', 'trygghet', 'henvisning', 'avslutning')),
	CONSTRAINT "chat_quick_replies_title_length" CHECK (char_length("title") between 1 and 60),
	CONSTRAINT "chat_quick_replies_text_length" CHECK (char_length("text") between 1 and 2000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "chat_quick_replies_title_unique" ON "chat_quick_replies" USING btree (lower("title"));--> statement-breakpoint
INSERT INTO "chat_quick_replies" ("category", "title", "text", "created_at", "updated_at") VALUES
	('apning', 'Velkommen', 'Hei, så fint at du tar kontakt! Du snakker med en voksen som har taushetsplikt. Skriv i ditt eget tempo, om det du vil. Hva har du lyst til å fortelle?', now(), now()),
	('er-du-der', 'Er du der fortsatt?', 'Er du der fortsatt? Det er helt greit å bruke tid på å skrive. Jeg venter her.', now(), now()),
	('er-du-der', 'Avslutter snart når du ikke svarer', 'Jeg har ikke hørt fra deg på en stund, så jeg avslutter samtalen om noen minutter. Du er velkommen tilbake når du vil.', now(), now()),
	('trygghet', 'Er du trygg nå?', 'Jeg blir litt bekymret når jeg leser det du skriver. Er du trygg akkurat nå?', now(), now()),
	('henvisning', 'Hjelpetelefoner hele døgnet (116 111, 116 123)', 'Trenger du noen å snakke med når vi er stengt, kan du ringe Alarmtelefonen for barn og unge på 116 111 eller Mental Helses hjelpetelefon på 116 123. Begge er gratis og åpne hele døgnet.', now(), now()),
	('henvisning', 'Nødnumre (113, 112)', 'Er noen i fare akkurat nå, ring 113 hvis noen er alvorlig syk eller skadet, eller 112 for politiet. Det er gratis, og de svarer hele døgnet.', now(), now()),
	('avslutning', 'Takk for praten', 'Takk for at du skrev til oss i dag. Du er alltid velkommen tilbake hvis du vil snakke mer. Ta godt vare på deg selv!', now(), now());
