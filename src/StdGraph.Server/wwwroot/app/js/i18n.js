// Interface strings in Chinese and English; the choice is remembered in localStorage.
const strings = {
  zh: {
    skip: '跳到正文', nav: '主导航', navSearch: '检索', navFields: '领域', navEquivalents: '对应国际标准', navAsk: '问答', navApi: 'GraphQL',
    footer: '标准知识图谱检索', toggle: 'EN', toggleLabel: 'Switch to English',
    searchLabel: '检索标准（中文、英文或标准号）', searchPlaceholder: '如 信息安全、cloud computing、GB/T 22080', searchButton: '检索',
    results: n => `共 ${n} 条结果`, noResults: '没有找到匹配的标准。', searchHint: '输入关键词或标准号开始检索。',
    next: '下一页', prev: '上一页', first: '第一页', page: n => `第 ${n} 页`, clear: '清除筛选', loading: '加载中…', error: '出错了：',
    facet_status: '状态', facet_body: '发布机构', facet_field: '领域', facet_committee: '技术委员会', facet_ics: 'ICS 分类', facet_year: '年份', facet_type: '类型',
    status_valid: '现行', status_superseded: '被代替', status_withdrawn: '废止', status_upcoming: '即将实施', status_draft: '草案', status_unknown: '未知',
    adopts: '采用', adoptedBy: '被采用', notInCatalogue: '（目录中无记录）',
    code: '标准号', title: '标题', titleZh: '中文标题', titleEn: '英文标题', status: '状态', type: '类型', body: '发布机构', issued: '发布日期', effective: '实施日期',
    withdrawn: '废止日期', edition: '版次', stage: '阶段', ics: 'ICS', ccs: 'CCS', committee: '技术委员会', category: 'RFC 类别', iri: '标识符', work: '作品',
    abstract: '摘要', facts: '基本信息', history: '版本沿革', counterparts: '对应国际/国家标准', cites: '引用', citedBy: '被引用', fields: '所属领域', sources: '来源',
    rule: '规则', reason: '依据', degree: '一致性程度', none: '无', neighbourhood: '关系图',
    graphHelp: '单击节点展开其关系，双击（或按 Enter）打开该标准页面。可用 Tab 键浏览下方的节点列表。',
    graphNodes: '图中的标准', expand: '展开', open: '打开',
    replaces: '代替', replacedBy: '被代替', amends: '修改', amendments: '修改单', updates: '更新', updatedBy: '被更新',
    notFound: code => `未找到标准 ${code}。`,
    eqTitle: '对应国际标准查询', eqCodes: '标准号（每行一个）', eqRun: '查询', eqCsv: '下载 CSV', eqNational: '国家标准', eqInternational: '国际标准',
    eqCounterpart: '对应标准', eqCounterpartStatus: '对应标准状态', eqGap: '差距', eqGapYes: '国际标准已更新', eqGapNo: '—', eqNone: '未声明对应关系', eqUnknown: '目录中无此标准',
    eqCandTitle: '候选对应标准', eqCandHelp: '没有声明采用关系时，根据标题、ICS 与日期推荐可能的国际对应标准。',
    eqTitleEn: '英文标题', eqTitleZh: '中文标题', eqIcs: 'ICS（逗号分隔）', eqIssued: '发布日期', eqCommittee: '技术委员会', eqSuggest: '推荐',
    eqConfidence: '置信度', eqReasons: '理由', eqNotAvailable: '服务器尚未提供该功能：',
    askTitle: '标准问答', askLabel: '问题', askPlaceholder: '如 GB/T 22239 和 ISO/IEC 27001 是什么关系？', askSend: '提问', askCitations: '引用：', askNoCite: '语料中没有找到相关标准。', askThinking: '正在回答…',
    fieldsTitle: '信息化标准建设行动计划：领域', fieldsEmpty: '服务器尚未加载领域分类。', fieldStandards: n => `${n} 项标准`, fieldSearch: '检索该领域的标准',
  },
  en: {
    skip: 'Skip to content', nav: 'Main navigation', navSearch: 'Search', navFields: 'Fields', navEquivalents: 'Equivalents', navAsk: 'Ask', navApi: 'GraphQL',
    footer: 'Knowledge-graph search over technical standards', toggle: '中文', toggleLabel: '切换到中文',
    searchLabel: 'Search standards (Chinese, English or a code)', searchPlaceholder: 'e.g. 信息安全, cloud computing, GB/T 22080', searchButton: 'Search',
    results: n => `${n} results`, noResults: 'No standard matches.', searchHint: 'Type words or a code to search.',
    next: 'Next page', prev: 'Previous page', first: 'First page', page: n => `Page ${n}`, clear: 'Clear filters', loading: 'Loading…', error: 'Error: ',
    facet_status: 'Status', facet_body: 'Body', facet_field: 'Field', facet_committee: 'Committee', facet_ics: 'ICS', facet_year: 'Year', facet_type: 'Type',
    status_valid: 'Valid', status_superseded: 'Superseded', status_withdrawn: 'Withdrawn', status_upcoming: 'Upcoming', status_draft: 'Draft', status_unknown: 'Unknown',
    adopts: 'adopts', adoptedBy: 'adopted by', notInCatalogue: '(no record in the catalogue)',
    code: 'Code', title: 'Title', titleZh: 'Chinese title', titleEn: 'English title', status: 'Status', type: 'Type', body: 'Body', issued: 'Issued', effective: 'Effective',
    withdrawn: 'Withdrawn', edition: 'Edition', stage: 'Stage', ics: 'ICS', ccs: 'CCS', committee: 'Committee', category: 'RFC category', iri: 'Identifier', work: 'Work',
    abstract: 'Abstract', facts: 'Facts', history: 'Edition history', counterparts: 'Counterparts', cites: 'Cites', citedBy: 'Cited by', fields: 'Fields', sources: 'Sources',
    rule: 'Rule', reason: 'Matched', degree: 'Degree', none: 'None', neighbourhood: 'Neighbourhood',
    graphHelp: 'Click a node to expand its relations; double-click it (or press Enter in the list) to open its page. The list below the picture is keyboard-navigable.',
    graphNodes: 'Standards in the picture', expand: 'Expand', open: 'Open',
    replaces: 'replaces', replacedBy: 'replaced by', amends: 'amends', amendments: 'amendments', updates: 'updates', updatedBy: 'updated by',
    notFound: code => `No standard ${code}.`,
    eqTitle: 'Equivalents', eqCodes: 'Codes (one per line)', eqRun: 'Look up', eqCsv: 'Download CSV', eqNational: 'National', eqInternational: 'International',
    eqCounterpart: 'Counterpart', eqCounterpartStatus: 'Counterpart status', eqGap: 'Gap', eqGapYes: 'international edition superseded', eqGapNo: '—', eqNone: 'no declared counterpart', eqUnknown: 'not in the catalogue',
    eqCandTitle: 'Candidate equivalents', eqCandHelp: 'Where no adoption is declared: likely international counterparts from titles, ICS and date.',
    eqTitleEn: 'English title', eqTitleZh: 'Chinese title', eqIcs: 'ICS (comma-separated)', eqIssued: 'Issued', eqCommittee: 'Committee', eqSuggest: 'Suggest',
    eqConfidence: 'Confidence', eqReasons: 'Reasons', eqNotAvailable: 'The server does not offer this yet: ',
    askTitle: 'Ask', askLabel: 'Question', askPlaceholder: 'e.g. How does GB/T 22239 relate to ISO/IEC 27001?', askSend: 'Ask', askCitations: 'Cited: ', askNoCite: 'Nothing in the corpus answers this.', askThinking: 'Answering…',
    fieldsTitle: 'Action Plan fields', fieldsEmpty: 'The server has not loaded the field taxonomy.', fieldStandards: n => `${n} standards`, fieldSearch: 'Search this field',
  },
};

const stored = (() => { try { return localStorage.getItem('stdgraph.lang'); } catch { return null; } })();
export let lang = stored === 'en' || stored === 'zh' ? stored : (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';

/** The string for a key in the current language (functions are called with the arguments). */
export function t(key, ...args) {
  const value = strings[lang][key] ?? strings.en[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

export function setLang(value) {
  lang = value;
  try { localStorage.setItem('stdgraph.lang', value); } catch { /* private mode: not remembered */ }
}

/** Static texts of the shell marked with data-i18n / data-i18n-label. */
export function translateShell() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t('toggle');
  toggle.setAttribute('aria-label', t('toggleLabel'));
  toggle.lang = lang === 'zh' ? 'en' : 'zh-CN';
}
