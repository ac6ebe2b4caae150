/**
 * Normalisation of region names as people and spreadsheets write them.
 * Pure: used by the server's resolver and by web hints.
 */

// The 55 minority ethnic groups, as they appear in names of autonomous areas.
const ETHNIC = [
  '土家',
  '苗',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
].sort((a, b) => b.length - a.length);

const AUTONOMOUS_SUFFIX = new RegExp(`(?:(?:${ETHNIC.join('|')})族)+自治(?:县|州|旗|区)$`);
// Generic administrative suffixes, longest first.
const GENERIC_SUFFIXES = ['街道办事处', '街道', '自治县', '新区', '地区', '特区', '区', '县', '市', '镇', '乡', '省'];

/** Unicode-compatibility fold (full-width → half-width) and removal of all white space. */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');
}

/**
 * The short form people use: 秀山土家族苗族自治县 → 秀山, 九龙坡区 → 九龙坡, 秀山县 → 秀山.
 * A suffix is only dropped when at least two characters remain (忠县 stays 忠县).
 */
export function shortName(text: string): string {
  let s = normalizeName(text);
  const auto = s.replace(AUTONOMOUS_SUFFIX, '');
  if (auto !== s && auto.length >= 2) return auto;
  for (const suffix of GENERIC_SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 2) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}
