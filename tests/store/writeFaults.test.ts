import { StorageRefusedError } from '../../src/app/storageRefused';
import { sqliteWriteFault } from '../../src/store/sqlite/sqliteWriteFaults';
import { guardWrites, writeFaults } from '../../src/store/writeFaults';

const failing = (code: string) => Object.assign(new Error(`failed with ${code}`), { code });

describe('refused writes', () => {
  it.each([
    ['SQLITE_FULL', 'full'],
    ['ENOSPC', 'full'],
    ['SQLITE_READONLY', 'readOnly'],
    ['SQLITE_READONLY_DBMOVED', 'readOnly'],
    ['EROFS', 'readOnly'],
    ['SQLITE_IOERR_WRITE', 'readOnly'],
    ['SQLITE_IOERR_FSYNC', 'readOnly'],
    ['SQLITE_BUSY', undefined],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', undefined],
    ['SQLITE_IOERR_READ', undefined],
    ['SQLITE_CORRUPT', undefined],
  ])('SQLite %s is %s', (code, problem) => {
    expect(sqliteWriteFault(failing(code))?.problem).toBe(problem);
  });

  it('surfaces a refused write from any method of a port, remembered until a write goes through', async () => {
    const faults = writeFaults(sqliteWriteFault);
    let next: Error | undefined = failing('SQLITE_FULL');
    const port = guardWrites(
      {
        save: async (value: number) => {
          if (next) throw next;
          faults.wrote();
          return value;
        },
      },
      faults,
    );
    await expect(port.save(1)).rejects.toMatchObject({ name: 'StorageRefusedError', problem: 'full' });
    expect(faults.current()).toBeInstanceOf(StorageRefusedError);
    next = failing('SQLITE_BUSY');
    await expect(port.save(1)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(faults.current()?.problem).toBe('full');
    next = undefined;
    await expect(port.save(2)).resolves.toBe(2);
    expect(faults.current()).toBeUndefined();
  });
});
