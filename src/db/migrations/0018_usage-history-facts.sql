CREATE TABLE "usage_history_facts" (
	"customer_id" integer NOT NULL,
	"workload_code" text NOT NULL,
	"through" date NOT NULL,
	"success_share" double precision NOT NULL,
	"peak" integer,
	"last_below" date,
	"share_since" date,
	CONSTRAINT "usage_history_facts_customer_id_workload_code_pk" PRIMARY KEY("customer_id","workload_code")
);