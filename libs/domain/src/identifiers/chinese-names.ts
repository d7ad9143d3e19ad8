import { pickOne, type Rng } from './random';

// Sample-data names for demos and benchmarks: common surnames and given-name characters, by gender.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常'.split(
    '',
  );
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '司徒'];
const MALE_CHARS =
  '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋阳锋建志文国海峰晨博轩然航睿远嘉豪泽逸德成新荣永庆'.split(
    '',
  );
const FEMALE_CHARS = '芳娜敏静丽艳娟霞秀玲桂英婷雪慧莹倩琳晶洁燕萍红梅琴颖欣怡佳悦涵诗雨梦璐瑶婧月兰凤彤晓思琪'.split(
  '',
);

/** A plausible Chinese name: a surname (rarely a compound one) and one or two given-name characters. */
export function chineseName(rng: Rng, gender: 1 | 2): string {
  const surname = rng() < 0.01 ? pickOne(rng, COMPOUND_SURNAMES) : pickOne(rng, SURNAMES);
  const chars = gender === 1 ? MALE_CHARS : FEMALE_CHARS;
  const given = rng() < 0.7 ? pickOne(rng, chars) + pickOne(rng, chars) : pickOne(rng, chars);
  return surname + given;
}
