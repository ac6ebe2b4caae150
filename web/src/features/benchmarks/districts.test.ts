import { describe, expect, it } from 'vitest';
import { DISTRICTS, HOME_UNIT, TILE_COLS, TILE_ROWS } from './districts';

describe('the schematic tile layout', () => {
  it('has each of the 38 districts once, each on its own square', () => {
    expect(DISTRICTS).toHaveLength(38);
    expect(new Set(DISTRICTS.map((d) => d.code)).size).toBe(38);
    expect(new Set(DISTRICTS.map((d) => `${d.row},${d.col}`)).size).toBe(38);
    for (const d of DISTRICTS) {
      expect(d.code).toMatch(/^500\d{3}$/);
      expect(d.row).toBeLessThan(TILE_ROWS);
      expect(d.col).toBeLessThan(TILE_COLS);
    }
    expect(DISTRICTS.find((d) => d.code === HOME_UNIT)?.zh).toBe('秀山');
  });

  it('puts the north-east in the top right and Xiushan in the south-east', () => {
    const at = (zh: string) => DISTRICTS.find((d) => d.zh === zh)!;
    expect(at('城口').row).toBe(0);
    expect(at('巫山').col).toBe(TILE_COLS - 1);
    expect(at('秀山').row).toBe(TILE_ROWS - 1);
    expect(at('荣昌').col).toBeLessThan(at('渝中').col);
    expect(at('渝中').col).toBeLessThan(at('万州').col);
  });
});
