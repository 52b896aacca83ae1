import { type IDBPDatabase, openDB } from 'idb';
import { DB_NAME, DB_VERSION, type LibrarySchema } from '@/lib/library/schema';
import { migrate } from './migrations';

export type LibraryDB = IDBPDatabase<LibrarySchema>;

/** Opens the library for writing, migrating it first: only the background does this (pages read through lib/library/read.ts). */
export function openLibrary(): Promise<LibraryDB> {
  return openDB<LibrarySchema>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, oldVersion, tx),
    // A newer version of the extension wants to upgrade: step aside rather than block it.
    blocking: (_current, _blocked, event) => (event.target as IDBDatabase).close(),
  });
}
