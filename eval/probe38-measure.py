# Catch rate and false alarms of a verifier CLI on the tester's planted texts (probe 38 §V).
import json, subprocess, sys, os
CLI = sys.argv[1]
W = '/work/probe38/work'
T = {'t1':'t1-zhejiang-kecheng-yingyang','t2':'t2-yunnan-luliang-gonggongweisheng','t3':'t3-shandong-yinan-gaobiaozhunnongtian',
     't4':'t4-anhui-luan-nongcungonglu-transfer','t5':'t5-shaanxi-yangxian-xianjie','t6':'t6-jiangsu-rugao-yanglao','t7':'t7-fujian-wuyishan-wenlv-bumen'}
# text, table, planted spans (first occurrence; (span, nth) when not the first)
P = [
 ('r1-kecheng','t1',['90.09%','498.36元','98.29分','97.39%']),
 ('r2-luliang','t2',['48.80%','46125人','控制在目标以内','83.79%']),
 ('r3-yinan','t3',['340元','145.16%','完工','3项未完成']),
 ('r4-luan','t4',['76.41%','13208.66亿元','991.43万元']),
 ('r6-wuyishan','t7',['109.13%','92.44分']),
 ('r7-rugao','t6',['78.24%','130.6万元','64张','不断健全']),
 ('r8-luan-style','t4',['3139.71万元','12.50%','35.61个百分点','2.6个百分点']),
 ('r9-luliang-style','t2',['240.28万元','3.4/10万','4.5个百分点','2.58分']),
 ('r10-yangxian-style','t5',['88.5%','一百二十人','105.18%','0.35亿元']),
 ('r5-yangxian-correct','t5',[]),
]
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
tot = {'planted':0,'contradicted':0,'unverified':0,'passed':0,'falseC':0,'falseU':0,'checked':0}
for name, t, spans in P:
    f = f'{out}/{name}.json'
    if not os.path.exists(f):
        r = subprocess.run(['dotnet', CLI, 'verify', '--evaluation', f'{W}/tables/{T[t]}.json', '--text', f'{W}/reports/{name}.txt'], capture_output=True, text=True)
        open(f,'w').write(r.stdout)
    rep = json.load(open(f))
    text = open(f'{W}/reports/{name}.txt').read()
    items = [(m['start'], m['length'], m['text'], m['verdict'], m.get('note')) for m in rep['mentions'] if m['verdict'] != 'identifier'] \
          + [(c['start'], c['length'], 'CLAIM '+c['text'], c['verdict'], c.get('note')) for c in rep['claims']]
    used = set()
    row = []
    for s in spans:
        at = text.index(s); end = at + len(s)
        hit = [i for i in items if i[0] < end and i[0]+i[1] > at]
        used.update(id(i) for i in hit)
        vs = [i[3] for i in hit]
        v = 'contradicted' if 'contradicted' in vs else 'unverified' if 'unverified' in vs else 'passed'
        tot['planted'] += 1; tot[v] += 1
        row.append(f'{s}={v}')
    fc = [i for i in items if id(i) not in used and i[3] == 'contradicted']
    fu = [i for i in items if id(i) not in used and i[3] == 'unverified']
    tot['falseC'] += len(fc); tot['falseU'] += len(fu); tot['checked'] += len([i for i in items if id(i) not in used])
    print(name, '|', ', '.join(row), '| false C:', [i[2] for i in fc], 'false U:', [i[2] for i in fu])
print(tot)
