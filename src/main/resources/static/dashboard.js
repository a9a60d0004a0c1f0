// The dashboard: the JSON reports of the service drawn as charts and tables, for the region in the address
// (#region=5201; the whole province when absent). Everything is aggregated by the service; the page only draws.
'use strict';

const region = new URLSearchParams(location.hash.slice(1)).get('region') || '';
const number = n => Number(n).toLocaleString('zh-CN');
const percent = s => (Number(s) * 100).toFixed(2) + '%';
const charts = [];

async function json(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json', 'X-Requested-With': 'dashboard'},
    credentials: 'same-origin'});
  if (response.status === 401) {
    location.href = '/login';
    throw new Error('登录已过期');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.errors ? problem.errors.map(e => e.field + ' ' + e.message).join('；')
      : (problem.detail || path + '：' + response.status));
  }
  return response.json();
}

function fail(error) {
  const box = document.getElementById('failure');
  box.textContent = '无法显示：' + error.message;
  box.hidden = false;
  document.body.dataset.error = String(error);
}

function cell(row, text, className) {
  const td = document.createElement('td');
  if (text instanceof Node) td.appendChild(text); else td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function link(text, href, onclick) {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  if (onclick) a.addEventListener('click', onclick);
  return a;
}

function header(table, names) {
  const row = table.insertRow();
  names.forEach(n => { const th = document.createElement('th'); th.textContent = n; row.appendChild(th); });
}

function breadcrumb() {
  const nav = document.getElementById('breadcrumb');
  nav.appendChild(link('全省', '#', () => go('')));
  for (let digits = 2; digits <= region.length; digits += 2) {
    nav.append(' › ');
    const code = region.slice(0, digits);
    nav.appendChild(link(code, '#region=' + code, () => go(code)));
  }
}

function go(code) {
  location.hash = code ? 'region=' + code : '';
}

// Back, forward, or a region typed into the address: draw that region.
window.addEventListener('hashchange', () => location.reload());

async function causes() {
  const report = await json('/api/reports/causes?regionCode=' + region);
  const rows = report.primary.filter(c => c.people > 0);
  const chart = echarts.init(document.getElementById('causes'));
  charts.push(chart);
  chart.setOption({
    tooltip: {trigger: 'item', formatter: p => `${p.name}：${number(p.value)} 人（${percent(p.data.share)}）`},
    legend: {type: 'scroll', bottom: 0},
    series: [{type: 'pie', radius: ['35%', '65%'], animation: false,
      label: {formatter: p => `${p.name}\n${number(p.value)} 人 ${percent(p.data.share)}`},
      data: rows.map(c => ({name: c.causeName, value: c.people, share: c.share}))}],
    title: {text: `贫困人口 ${number(report.totalPeople)} 人`, left: 'center', top: 0, textStyle: {fontSize: 13}}
  });
}

async function coverage() {
  const report = await json('/api/reports/coverage?regionCode=' + region);
  const chart = echarts.init(document.getElementById('coverage'));
  charts.push(chart);
  chart.setOption({
    tooltip: {trigger: 'axis'},
    legend: {bottom: 0},
    grid: {left: 60, right: 20, top: 20, bottom: 80},
    xAxis: {type: 'category', data: report.actions.map(a => a.actionName), axisLabel: {rotate: 30}},
    yAxis: {type: 'value'},
    series: [
      {name: '帮扶对象', type: 'bar', animation: false, data: report.actions.map(a => a.targeted)},
      {name: '措施全部落实', type: 'bar', animation: false, data: report.actions.map(a => a.delivered)}
    ]
  });
  const spots = document.getElementById('spots');
  const names = {
    'poor-without-recommendation': ['贫困户无任何帮扶措施', report.blindSpots.poorWithoutRecommendation],
    'never-evaluated': ['从未评估', report.blindSpots.neverEvaluated],
    'stale-evaluation': ['未按现行规则评估', report.blindSpots.staleEvaluation],
    'edited-since-evaluation': ['评估后档案已修改', report.blindSpots.editedSinceEvaluation],
    'overdue-evaluation': [`超期未排查（评估日期早于 ${report.overdueBefore}）`, report.blindSpots.overdueEvaluation]
  };
  for (const [kind, [name, count]] of Object.entries(names)) {
    spots.appendChild(link(`${name}：${number(count)} 户`, '#', event => { event.preventDefault(); spotList(kind, name).catch(fail); }));
  }
}

async function spotList(kind, name) {
  const page = await json(`/api/reports/blind-spots/${kind}?regionCode=${region}&size=50`);
  const box = document.getElementById('spot-list');
  box.textContent = '';
  const title = document.createElement('p');
  title.append(`${name}（共 ${number(page.totalElements)} 户，列出前 ${page.content.length} 户） `);
  title.appendChild(link('下载 CSV', '#',
    event => { event.preventDefault(); download(`/api/reports/blind-spots/${kind}?regionCode=${region}`, kind + '.csv'); }));
  box.appendChild(title);
  const table = document.createElement('table');
  table.id = 'spot-table';
  header(table, ['户编号', '行政区划', '户类型', '明白卡']);
  for (const h of page.content) {
    const row = table.insertRow();
    cell(row, h.householdId);
    cell(row, h.regionCode);
    cell(row, h.statusName);
    cell(row, link('查看', `/api/households/${encodeURIComponent(h.householdId)}/card`));
  }
  box.appendChild(table);
}

async function download(path, file) {
  const response = await fetch(path, {headers: {Accept: 'text/csv', 'X-Requested-With': 'dashboard'},
    credentials: 'same-origin'});
  if (!response.ok) {
    fail(new Error(file + '：' + response.status));
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const a = link(file, url);
  a.download = file;
  a.click();
  URL.revokeObjectURL(url);
}

async function monitoring() {
  const digits = Math.min(6, region.length + 2);
  const report = await json(`/api/reports/monitoring?regionCode=${region}&regionDigits=${digits}`);
  const table = document.getElementById('monitoring');
  // 监测对象: the MONITORED households (监测户) and the LIFTED ones the rules put on watch (风险户), each once.
  header(table, ['地区', '登记户', '登记人口', '监测对象户', '监测户', '风险户', '监测对象人口', '占比', '']);
  const line = (r, label) => {
    const row = table.insertRow();
    cell(row, label);
    cell(row, number(r.households), 'num');
    cell(row, number(r.people), 'num');
    cell(row, number(r.monitoredHouseholds), 'num');
    cell(row, number(r.underMonitoringHouseholds), 'num');
    cell(row, number(r.atRiskHouseholds), 'num');
    cell(row, number(r.monitoredPeople), 'num');
    cell(row, percent(r.share), 'num');
    cell(row, r.flag === 'HIGH' ? '偏高（>10%）' : r.flag === 'LOW' ? '偏低（<3%）' : '', 'flag-' + r.flag);
  };
  line(report.total, region ? region + ' 合计' : '全省合计');
  for (const r of report.regions) {
    line(r, r.regionCode.length > region.length && region.length < 6
      ? link(r.regionCode, '#region=' + r.regionCode, event => { event.preventDefault(); go(r.regionCode); })
      : r.regionCode);
  }
}

// The quality checks (rules/quality): findings per code in the latest completed run over this region, what was
// fixed since the run before it, and each code's list as CSV.
async function quality() {
  const report = await json(`/api/reports/quality?regionCode=${region}`);
  const summary = document.getElementById('quality-summary');
  const table = document.getElementById('quality');
  if (!report.run) {
    summary.textContent = '尚无完成的数据质量核查（全面排查或 qualityOnly 核查完成后显示）。';
    return;
  }
  summary.textContent = `核查日期 ${report.run.asOf}，完成于 ${report.run.completedAt.replace('T', ' ').slice(0, 19)}：`
    + `错误 ${number(report.errors)} 条，需核实 ${number(report.warnings)} 条，涉及 ${number(report.householdsWithFindings)} 户`
    + (report.previousRun ? `；较上次核查已纠正 ${number(report.fixedSincePrevious)} 条，新发现 ${number(report.newSincePrevious)} 条` : '');
  header(table, ['核查项', '代码', '级别', '条数', '户数', '较上次纠正', '清单']);
  for (const c of report.byCode) {
    const row = table.insertRow();
    cell(row, c.title);
    cell(row, c.code);
    cell(row, c.severity === 'ERROR' ? '错误' : '需核实', 'severity-' + c.severity);
    cell(row, number(c.findings), 'num');
    cell(row, number(c.households), 'num');
    cell(row, c.fixedSincePrevious == null ? '' : number(c.fixedSincePrevious), 'num');
    cell(row, c.findings === 0 ? '' : link('CSV', '#', event => { event.preventDefault();
      download(`/api/reports/quality/findings?regionCode=${region}&code=${c.code}`, `quality-${c.code}.csv`); }));
  }
}

async function runs(me) {
  const table = document.getElementById('runs');
  if (!me.roles.includes('POLICY')) {
    table.insertRow().insertCell().textContent = '需政策管理权限（POLICY）。';
    return;
  }
  const page = await json('/api/reevaluations?size=5');
  header(table, ['发起时间', '范围', '类型', '状态', '已处理', '变化户数', '变化清单']);
  const states = {RUNNING: '进行中', COMPLETED: '已完成', FAILED: '失败', STOPPED: '已停止'};
  for (const r of page.content) {
    const row = table.insertRow();
    cell(row, r.startedAt.replace('T', ' ').slice(0, 19));
    cell(row, r.regionCode || '全省');
    cell(row, r.qualityOnly ? '数据核查' : r.dryRun ? '模拟' : '正式');
    cell(row, states[r.state] || r.state);
    cell(row, `${number(r.processed)} / ${number(r.total)}`, 'num');
    cell(row, number(r.changedHouseholds), 'num');
    cell(row, link('CSV', '#', event => { event.preventDefault();
      download(`/api/reevaluations/${r.reevaluationId}/changes`, `reevaluation-${r.reevaluationId}.csv`); }));
  }
  if (page.content.length === 0) table.insertRow().insertCell().textContent = '尚无全面排查。';
}

async function main() {
  if (!/^(\d{2}){0,3}$/.test(region)) throw new Error('地区代码应为 2、4 或 6 位数字：' + region);
  breadcrumb();
  const me = await json('/api/me');
  await Promise.all([causes(), coverage(), monitoring(), quality(), runs(me)]);
  document.body.dataset.ready = 'true';
}

window.addEventListener('resize', () => charts.forEach(c => c.resize()));
main().catch(fail);
