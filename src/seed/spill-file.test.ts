import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { SpillFolder } from './spill-file';

const spillFolders = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith('coopgraph-import-'));

describe('SpillFile', () => {
  it('gives back every entry in the order appended, in batches of at most the size asked', async () => {
    const folder = new SpillFolder();
    const file = folder.file<{ id: string; props: Array<[string, string, string | null]> }>();
    const entries = Array.from({ length: 23 }, (_, index) => ({ id: `n${index}`, props: [['name', 'STRING', `line\nbreak "${index}"`] as [string, string, string | null]] }));
    file.append(entries.slice(0, 10));
    file.append([]);
    file.append(entries.slice(10));
    expect(file.count).toBe(23);
    const batches: Array<typeof entries> = [];
    for await (const batch of file.batches(5)) batches.push(batch);
    expect(batches.map((batch) => batch.length)).toEqual([5, 5, 5, 5, 3]);
    expect(batches.flat()).toEqual(entries);
    folder.remove();
  });

  it('reads nothing from an empty file, and makes no folder until a file is asked for', async () => {
    const before = spillFolders();
    const folder = new SpillFolder();
    expect(spillFolders()).toEqual(before);
    const file = folder.file<string>();
    const batches: string[][] = [];
    for await (const batch of file.batches(10)) batches.push(batch);
    expect(batches).toEqual([]);
    folder.remove();
    expect(spillFolders()).toEqual(before);
  });

  it('deletes its folder and everything in it on remove', () => {
    const before = new Set(spillFolders());
    const folder = new SpillFolder();
    folder.file<number>().append([1, 2, 3]);
    const made = spillFolders().filter((name) => !before.has(name));
    expect(made).toHaveLength(1);
    folder.remove();
    expect(existsSync(`${os.tmpdir()}/${made[0]}`)).toBe(false);
  });
});
