CREATE TABLE "daily_page_views" (
	"day" date NOT NULL,
	"path" text NOT NULL,
	"views" integer NOT NULL,
	CONSTRAINT "daily_page_views_day_path_pk" PRIMARY KEY("day","path"),
	CONSTRAINT "daily_page_views_path_plain" CHECK ("daily_page_views"."path" ~ '^/[a-z0-9/-]*$'),
	CONSTRAINT "daily_page_views_positive" CHECK ("daily_page_views"."views" > 0)
);
--> statement-breakpoint
CREATE TABLE "daily_visits" (
	"day" date NOT NULL,
	"site" text NOT NULL,
	"visits" integer NOT NULL,
	CONSTRAINT "daily_visits_day_site_pk" PRIMARY KEY("day","site"),
	CONSTRAINT "daily_visits_site_known" CHECK ("daily_visits"."site" in ('voksen', 'unge')),
	CONSTRAINT "daily_visits_positive" CHECK ("daily_visits"."visits" > 0)
);
