import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { handlers } from './registry';
import { describeApi } from './dispatch';

describe('the API contract', () => {
  it('every method has a handler and names follow domain.verb', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
  });
  it('describes every method with JSON Schemas', () => {
    const api = describeApi();
    expect(api.methods.map((m) => m.name).sort()).toEqual(Object.keys(contract).sort());
    const create = api.methods.find((m) => m.name === 'applications.create')!;
    expect(create.input).toMatchObject({ type: 'object', required: expect.arrayContaining(['company', 'role']) });
  });
});
