import GRDB

/// The library file's migrations. Frozen once merged: change the schema only by adding one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("createLibrary") { db in
            try db.execute(sql: """
                CREATE TABLE feed (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE,
                    title TEXT,
                    siteLink TEXT,
                    folder TEXT,
                    etag TEXT,
                    lastModified TEXT,
                    lastFetchedAt DATETIME,
                    lastError TEXT,
                    fetchFullText BOOLEAN NOT NULL DEFAULT 0,
                    addedAt DATETIME NOT NULL
                );

                CREATE TABLE article (
                    id INTEGER PRIMARY KEY,
                    feedId INTEGER REFERENCES feed(id) ON DELETE SET NULL,
                    source TEXT NOT NULL,
                    url TEXT UNIQUE,
                    guid TEXT,
                    bodyHash TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    byline TEXT,
                    feedTitle TEXT,
                    published DATETIME,
                    addedAt DATETIME NOT NULL,
                    sortDate DATETIME NOT NULL,
                    body TEXT NOT NULL,
                    keyPoints TEXT NOT NULL DEFAULT '[]',
                    -- Content-term counts as a JSON object; termStat sums them over the library.
                    terms TEXT NOT NULL DEFAULT '{}',
                    isRead BOOLEAN NOT NULL DEFAULT 0,
                    isStarred BOOLEAN NOT NULL DEFAULT 0
                );
                CREATE INDEX article_on_sortDate ON article(sortDate DESC, id DESC);
                CREATE INDEX article_on_feedId ON article(feedId);

                CREATE TABLE bullet (
                    articleId INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    highlights TEXT NOT NULL DEFAULT '[]',
                    PRIMARY KEY (articleId, position)
                ) WITHOUT ROWID;

                CREATE TABLE entity (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('person', 'organization')),
                    normalizedName TEXT NOT NULL,
                    -- The last word of the name ("musk"), so a lone surname finds its full name by index.
                    lastWord TEXT NOT NULL,
                    articleCount INTEGER NOT NULL DEFAULT 0,
                    mentionCount INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (kind, normalizedName)
                );
                CREATE INDEX entity_on_mentionCount ON entity(mentionCount DESC);
                CREATE INDEX entity_on_kind_lastWord ON entity(kind, lastWord);
                CREATE INDEX entity_on_normalizedName ON entity(normalizedName);

                CREATE TABLE entityAlias (
                    entityId INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    alias TEXT NOT NULL,
                    normalizedAlias TEXT NOT NULL,
                    -- Articles in which this form named the entity: support for joining a lone name to it.
                    articles INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (entityId, normalizedAlias)
                ) WITHOUT ROWID;
                CREATE INDEX entityAlias_on_normalizedAlias ON entityAlias(normalizedAlias);

                CREATE TABLE mention (
                    id INTEGER PRIMARY KEY,
                    articleId INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    entityId INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX mention_on_articleId ON mention(articleId);
                CREATE INDEX mention_on_entityId_articleId ON mention(entityId, articleId);

                CREATE TABLE entityLink (
                    id INTEGER PRIMARY KEY,
                    sourceId INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    targetId INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    label TEXT,
                    -- Sentences naming both, and articles with such a sentence, over the library.
                    weight INTEGER NOT NULL DEFAULT 0,
                    articles INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (sourceId, targetId),
                    CHECK (sourceId < targetId)
                );
                CREATE INDEX entityLink_on_targetId ON entityLink(targetId);

                -- Which article states which link how often: what an article's re-analysis takes back.
                CREATE TABLE linkArticle (
                    linkId INTEGER NOT NULL REFERENCES entityLink(id) ON DELETE CASCADE,
                    articleId INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    sentences INTEGER NOT NULL,
                    PRIMARY KEY (articleId, linkId)
                ) WITHOUT ROWID;

                -- Sentences that state links, each stored once per article however many pairs it names.
                CREATE TABLE evidenceSentence (
                    id INTEGER PRIMARY KEY,
                    articleId INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    text TEXT NOT NULL
                );
                CREATE INDEX evidenceSentence_on_articleId ON evidenceSentence(articleId);

                -- A few sentences per link to show as evidence, not every one.
                CREATE TABLE linkEvidence (
                    linkId INTEGER NOT NULL REFERENCES entityLink(id) ON DELETE CASCADE,
                    articleId INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    sentenceId INTEGER NOT NULL REFERENCES evidenceSentence(id) ON DELETE CASCADE,
                    label TEXT
                );
                CREATE INDEX linkEvidence_on_linkId ON linkEvidence(linkId);
                CREATE INDEX linkEvidence_on_articleId ON linkEvidence(articleId);
                CREATE INDEX linkEvidence_on_sentenceId ON linkEvidence(sentenceId);

                CREATE TABLE termStat (
                    term TEXT PRIMARY KEY,
                    documentFrequency INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE VIRTUAL TABLE articleSearch USING fts5(
                    title, body, content='article', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN
                    INSERT INTO articleSearch(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN
                    INSERT INTO articleSearch(articleSearch, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                END;
                CREATE TRIGGER article_au AFTER UPDATE OF title, body ON article BEGIN
                    INSERT INTO articleSearch(articleSearch, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                    INSERT INTO articleSearch(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;

                """)
        }
        migrator.registerMigration("deferredAnalysis") { db in
            try db.execute(sql: """
                -- A feed item is stored at once and analysed later; until then it has no bullets,
                -- mentions, terms or search entry.
                ALTER TABLE article ADD COLUMN analysisPending BOOLEAN NOT NULL DEFAULT 0;
                CREATE INDEX article_on_analysisPending ON article(id) WHERE analysisPending;

                -- Kept by triggers, so capping a link's evidence needs no COUNT per link and article.
                ALTER TABLE entityLink ADD COLUMN evidenceCount INTEGER NOT NULL DEFAULT 0;
                UPDATE entityLink SET evidenceCount = (SELECT COUNT(*) FROM linkEvidence v WHERE v.linkId = entityLink.id);
                CREATE TRIGGER linkEvidence_ai AFTER INSERT ON linkEvidence BEGIN
                    UPDATE entityLink SET evidenceCount = evidenceCount + 1 WHERE id = new.linkId;
                END;
                CREATE TRIGGER linkEvidence_ad AFTER DELETE ON linkEvidence BEGIN
                    UPDATE entityLink SET evidenceCount = evidenceCount - 1 WHERE id = old.linkId;
                END;

                -- Only analysed articles are in the search index: indexing is deferred with the
                -- analysis, and the index never holds a row it was not given (which would corrupt it).
                DROP TRIGGER article_ai;
                DROP TRIGGER article_ad;
                DROP TRIGGER article_au;
                CREATE TRIGGER article_ai AFTER INSERT ON article WHEN NOT new.analysisPending BEGIN
                    INSERT INTO articleSearch(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                CREATE TRIGGER article_ad AFTER DELETE ON article WHEN NOT old.analysisPending BEGIN
                    INSERT INTO articleSearch(articleSearch, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                END;
                CREATE TRIGGER article_au AFTER UPDATE OF title, body, analysisPending ON article BEGIN
                    INSERT INTO articleSearch(articleSearch, rowid, title, body)
                        SELECT 'delete', old.id, old.title, old.body WHERE NOT old.analysisPending;
                    INSERT INTO articleSearch(rowid, title, body)
                        SELECT new.id, new.title, new.body WHERE NOT new.analysisPending;
                END;
                """)
        }
        migrator.registerMigration("compactSearchIndex") { db in
            try db.execute(sql: """
                -- Token positions serve phrase and NEAR queries, which lede's search never makes (each
                -- word is its own term, see FullTextQuery); without them the index is about a quarter
                -- smaller and cheaper to write. snippet() still works: it re-reads the row's text.
                -- The triggers name the table, so they carry over to the new one.
                DROP TABLE articleSearch;
                CREATE VIRTUAL TABLE articleSearch USING fts5(
                    title, body, content='article', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
                    detail=column);
                INSERT INTO articleSearch(rowid, title, body) SELECT id, title, body FROM article WHERE NOT analysisPending;
                """)
        }
        return migrator
    }
}
