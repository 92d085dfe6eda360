-- KATO territories (seeded by V2__SeedKatoTerritories from kato/kato.csv)
create table territory (
    kato          varchar(9)  primary key,
    level         varchar(16) not null check (level in ('OBLAST', 'DISTRICT', 'SUB_DISTRICT', 'SETTLEMENT')),
    type_code     smallint    not null,
    name_kk       text        not null,
    name_ru       text        not null,
    parent_kato   varchar(9)  references territory (kato),
    oblast_kato   varchar(9)  not null,
    -- the unit that plays the district's part: nearest DISTRICT ancestor, or the city district in 71/75/79
    district_kato varchar(9),
    kato_version  text        not null
);
create index territory_parent_idx on territory (parent_kato);
create index territory_level_idx on territory (level, oblast_kato);

-- current state of each institution: one row per BIN
create table institution (
    bin           varchar(12) primary key,
    name_kk       text        not null,
    name_ru       text        not null,
    type          varchar(20) not null,
    ownership     varchar(10) not null,
    kato          varchar(9)  not null references territory (kato),
    oblast_kato   varchar(9)  not null,
    district_kato varchar(9),
    locality      varchar(5)  not null,
    languages     varchar(40) not null,
    capacity      integer,
    shifts        smallint,
    address       text,
    phone         text,
    email         text,
    status        varchar(6)  not null,
    opened_on     date        not null,
    closed_on     date,
    successor_bin varchar(12) references institution (bin),
    closure_reason text,
    version       bigint      not null,
    valid_from    date        not null,
    updated_at    timestamptz not null,
    updated_by    text        not null
);
create index institution_oblast_idx on institution (oblast_kato, name_ru, bin);
create index institution_kato_idx on institution (kato);
create index institution_district_idx on institution (district_kato);

-- every version of every card, with who and when: the registry's audit trail
create table institution_version (
    bin             varchar(12) not null references institution (bin),
    version         bigint      not null,
    change_kind     varchar(16) not null,
    card            jsonb       not null,
    valid_from      date        not null,
    changed_by      text        not null,
    changed_by_role text        not null,
    changed_at      timestamptz not null,
    primary key (bin, version)
);

-- transactional outbox: written in the same transaction as the change, published and deleted by the relay.
-- Writers take a transaction-level advisory lock before inserting, so id order is commit order.
create table outbox_message (
    id          bigserial   primary key,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null default now()
);
