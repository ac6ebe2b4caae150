import { describe, expect, it } from 'vitest';
import { expertVisibleFields, joinTeam, splitTeam, TEAM_CONTACT_FIELD, TEAM_LEADER_ROLE } from './project-team.js';

describe('a 揭榜挂帅 team', () => {
  it('stores its leader first, as 负责人, and reads it back', () => {
    const stored = joinTeam({ leader: ' 王工 ', members: [{ name: '李工', role: ' 结构 ' }, { name: ' ' }, { name: '赵工', role: '' }] });
    expect(stored).toEqual([{ name: '王工', role: TEAM_LEADER_ROLE }, { name: '李工', role: '结构' }, { name: '赵工' }]);
    expect(splitTeam(stored)).toEqual({ leader: '王工', members: [{ name: '李工', role: '结构' }, { name: '赵工' }] });
  });

  it('without a leader, every member is a member', () => {
    expect(joinTeam({ leader: '', members: [{ name: '李工' }] })).toEqual([{ name: '李工' }]);
    expect(splitTeam([{ name: '李工', role: '结构' }])).toEqual({ leader: '', members: [{ name: '李工', role: '结构' }] });
    expect(splitTeam([])).toEqual({ leader: '', members: [] });
  });

  it('experts never see the team contact', () => {
    expect(expertVisibleFields({ summary: '轻量化底盘', [TEAM_CONTACT_FIELD]: '13800000000' })).toEqual({ summary: '轻量化底盘' });
  });
});
