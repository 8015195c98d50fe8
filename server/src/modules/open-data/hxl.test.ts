import { describe, expect, it } from 'vitest';
import { attributeColumnOf, type HxlOption, isHxlHashtag, peopleAttributes } from './hxl.js';
import { isPeopleReached, peopleReachedIndicator } from './people-reached.js';

const sex = (code: string): HxlOption => ({ kind: 'sex', code, minAge: null, maxAge: null });
const age = (minAge: number, maxAge: number | null): HxlOption => ({ kind: 'age', code: `${minAge}-${maxAge ?? ''}`, minAge, maxAge });

describe('HXL hashtags', () => {
  it('accepts #tag with lowercase attributes and refuses anything else', () => {
    for (const ok of ['#org', '#org+name', '#indicator+value+num+f+children', '#adm1+code', '#meta+disaggregation', '#x_1+a_b']) expect(isHxlHashtag(ok), ok).toBe(true);
    for (const bad of ['org', '#Org', '#org+Name', '#org +name', '#org+', '#1org', '#org+name ', '', '#org+na-me']) expect(isHxlHashtag(bad), bad).toBe(false);
  });
});

describe('people attributes of a disaggregation combination', () => {
  it('maps female/male and age bands wholly under or over 18', () => {
    expect(peopleAttributes([])).toEqual({});
    expect(peopleAttributes([sex('female')])).toEqual({ sex: 'f' });
    expect(peopleAttributes([sex('male'), age(0, 4)])).toEqual({ sex: 'm', age: 'children' });
    expect(peopleAttributes([sex('F'), age(12, 17)])).toEqual({ sex: 'f', age: 'children' });
    expect(peopleAttributes([age(18, 59)])).toEqual({ age: 'adults' });
    expect(peopleAttributes([sex('m'), age(60, null)])).toEqual({ sex: 'm', age: 'adults' });
  });

  it('does not map what HXL has no attribute for: bands across 18, other sexes, other categories', () => {
    expect(peopleAttributes([age(15, 24)])).toBeNull();
    expect(peopleAttributes([sex('other')])).toBeNull();
    expect(peopleAttributes([sex('female'), { kind: 'disability', code: 'with', minAge: null, maxAge: null }])).toBeNull();
    expect(peopleAttributes([{ kind: 'age', code: 'unknown', minAge: null, maxAge: null }])).toBeNull();
  });

  it('names the value column of a mapping', () => {
    expect(attributeColumnOf({})).toBeNull();
    expect(attributeColumnOf({ sex: 'f' })).toBe('f');
    expect(attributeColumnOf({ age: 'adults' })).toBe('adults');
    expect(attributeColumnOf({ sex: 'm', age: 'children' })).toBe('m+children');
  });
});

describe('the people-reached indicator of a project', () => {
  const candidate = (o: Partial<Parameters<typeof isPeopleReached>[0]>) => ({ id: 'x', code: '1', type: 'number', unit: 'people', names: ['Number of people reached'], ...o });

  it('is a number of people whose name says reached, in any language', () => {
    expect(isPeopleReached(candidate({}))).toBe(true);
    expect(isPeopleReached(candidate({ unit: 'Personnes', names: ['Beneficiaries', 'Nombre de personnes atteintes'] }))).toBe(true);
    expect(isPeopleReached(candidate({ unit: 'niños', names: ['Niños alcanzados con apoyo psicosocial'] }))).toBe(true);
    expect(isPeopleReached(candidate({ type: 'percentage' }))).toBe(false);
    expect(isPeopleReached(candidate({ unit: 'households' }))).toBe(false);
    expect(isPeopleReached(candidate({ names: ['Number of people enrolled'] }))).toBe(false);
  });

  it('is the first by code, or none', () => {
    const list = [candidate({ id: 'b', code: 'OP1.10' }), candidate({ id: 'a', code: 'OP1.2' }), candidate({ id: 'c', code: 'OP1.1', unit: 'sessions' })];
    expect(peopleReachedIndicator(list)?.id).toBe('a');
    expect(peopleReachedIndicator([candidate({ unit: 'sessions' })])).toBeNull();
  });
});
