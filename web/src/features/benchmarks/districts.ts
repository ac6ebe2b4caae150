/**
 * Chongqing's 38 county-level units (GB/T 2260 codes) with short names for charts and tiles, and their place
 * on the schematic tile map: one square per district, roughly west → east (col) and north → south (row).
 * The layout is a hand-made diagram for reading patterns at a glance. It is not a map: the squares say
 * nothing about boundaries, areas or adjacency, and the page says so beside it.
 */
export interface District {
  code: string;
  /** Short name as people write it: 秀山, not 秀山土家族苗族自治县. */
  zh: string;
  /** Pinyin, as used in English texts. */
  en: string;
  row: number;
  col: number;
}

export const DISTRICTS: readonly District[] = [
  { code: '500229', zh: '城口', en: 'Chengkou', row: 0, col: 7 },
  { code: '500238', zh: '巫溪', en: 'Wuxi', row: 0, col: 9 },

  { code: '500154', zh: '开州', en: 'Kaizhou', row: 1, col: 7 },
  { code: '500235', zh: '云阳', en: 'Yunyang', row: 1, col: 8 },
  { code: '500236', zh: '奉节', en: 'Fengjie', row: 1, col: 9 },
  { code: '500237', zh: '巫山', en: 'Wushan', row: 1, col: 10 },

  { code: '500152', zh: '潼南', en: 'Tongnan', row: 2, col: 1 },
  { code: '500117', zh: '合川', en: 'Hechuan', row: 2, col: 2 },
  { code: '500231', zh: '垫江', en: 'Dianjiang', row: 2, col: 5 },
  { code: '500155', zh: '梁平', en: 'Liangping', row: 2, col: 6 },
  { code: '500101', zh: '万州', en: 'Wanzhou', row: 2, col: 7 },

  { code: '500111', zh: '大足', en: 'Dazu', row: 3, col: 0 },
  { code: '500151', zh: '铜梁', en: 'Tongliang', row: 3, col: 1 },
  { code: '500109', zh: '北碚', en: 'Beibei', row: 3, col: 2 },
  { code: '500112', zh: '渝北', en: 'Yubei', row: 3, col: 3 },
  { code: '500115', zh: '长寿', en: 'Changshou', row: 3, col: 4 },
  { code: '500233', zh: '忠县', en: 'Zhongxian', row: 3, col: 6 },

  { code: '500153', zh: '荣昌', en: 'Rongchang', row: 4, col: 0 },
  { code: '500120', zh: '璧山', en: 'Bishan', row: 4, col: 1 },
  { code: '500106', zh: '沙坪坝', en: 'Shapingba', row: 4, col: 2 },
  { code: '500105', zh: '江北', en: 'Jiangbei', row: 4, col: 3 },
  { code: '500102', zh: '涪陵', en: 'Fuling', row: 4, col: 4 },
  { code: '500230', zh: '丰都', en: 'Fengdu', row: 4, col: 5 },
  { code: '500240', zh: '石柱', en: 'Shizhu', row: 4, col: 6 },

  { code: '500118', zh: '永川', en: 'Yongchuan', row: 5, col: 0 },
  { code: '500107', zh: '九龙坡', en: 'Jiulongpo', row: 5, col: 2 },
  { code: '500103', zh: '渝中', en: 'Yuzhong', row: 5, col: 3 },
  { code: '500108', zh: '南岸', en: "Nan'an", row: 5, col: 4 },
  { code: '500156', zh: '武隆', en: 'Wulong', row: 5, col: 5 },
  { code: '500243', zh: '彭水', en: 'Pengshui', row: 5, col: 6 },
  { code: '500114', zh: '黔江', en: 'Qianjiang', row: 5, col: 7 },

  { code: '500116', zh: '江津', en: 'Jiangjin', row: 6, col: 1 },
  { code: '500104', zh: '大渡口', en: 'Dadukou', row: 6, col: 2 },
  { code: '500113', zh: '巴南', en: 'Banan', row: 6, col: 3 },
  { code: '500119', zh: '南川', en: 'Nanchuan', row: 6, col: 4 },
  { code: '500242', zh: '酉阳', en: 'Youyang', row: 6, col: 7 },

  { code: '500110', zh: '綦江', en: 'Qijiang', row: 7, col: 3 },
  { code: '500241', zh: '秀山', en: 'Xiushan', row: 7, col: 8 },
];

/** Size of the tile grid. */
export const TILE_ROWS = Math.max(...DISTRICTS.map((d) => d.row)) + 1;
export const TILE_COLS = Math.max(...DISTRICTS.map((d) => d.col)) + 1;

const BY_CODE = new Map(DISTRICTS.map((d) => [d.code, d]));

export const districtOf = (code: string): District | undefined => BY_CODE.get(code);

/**
 * The county the benchmarking pages look from (highlighted in every chart and table): the platform's first
 * user, 秀山土家族苗族自治县.
 */
export const HOME_UNIT = '500241';
