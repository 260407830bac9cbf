import type { DestinationStream } from 'pino';
import { createLogger, personalDataFields, redactedValue } from './logger';

const capture = () => {
  const lines: string[] = [];
  const stream: DestinationStream = { write: (line: string) => void lines.push(line) };
  return { stream, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

const fictionalChild = {
  id: 'child-0042',
  reference: 'OR-2025-0042',
  name: 'Testchild Example',
  firstName: 'Testchild',
  lastName: 'Example',
  dateOfBirth: '2015-03-04',
  address: '1 Nowhere Lane',
  parents: [{ name: 'Parent Example', email: 'parent@example.invalid', phone: '00000 000000' }],
  notes: 'free text about the child',
};

describe('logs carry no personal data', () => {
  it('redacts a child object logged by mistake, keeping ids and codes', () => {
    const { stream, records } = capture();
    createLogger({ logLevel: 'info' }, stream).info({ child: fictionalChild, code: 'OrderRule' }, 'record refused');
    const [record] = records();
    expect(record?.code).toBe('OrderRule');
    expect(record?.child).toEqual({
      id: 'child-0042',
      reference: 'OR-2025-0042',
      name: redactedValue,
      firstName: redactedValue,
      lastName: redactedValue,
      dateOfBirth: redactedValue,
      address: redactedValue,
      parents: redactedValue,
      notes: redactedValue,
    });
    const line = JSON.stringify(record);
    for (const secret of ['Testchild', 'Example', '2015-03-04', 'Nowhere', 'parent@example.invalid', 'free text']) {
      expect(line).not.toContain(secret);
    }
  });

  it('redacts the same fields at the top level and nested deeper', () => {
    const { stream, records } = capture();
    const logger = createLogger({ logLevel: 'info' }, stream);
    logger.info({ email: 'a@example.invalid', body: 'letter text' }, 'top');
    logger.info({ case: { id: 'case-1', child: { name: 'Deep Name' } } }, 'nested');
    const [top, nested] = records();
    expect(top).toMatchObject({ email: redactedValue, body: redactedValue });
    expect(nested).toMatchObject({ case: { id: 'case-1', child: { name: redactedValue } } });
  });

  it('covers the fields named in the rule', () => {
    expect(personalDataFields).toEqual(
      expect.arrayContaining(['name', 'firstName', 'lastName', 'dateOfBirth', 'parents', 'address', 'email', 'phone', 'notes', 'body']),
    );
  });

  it('writes nothing below the configured level', () => {
    const { stream, records } = capture();
    createLogger({ logLevel: 'warn' }, stream).info('quiet');
    expect(records()).toEqual([]);
  });
});
