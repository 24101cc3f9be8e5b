/**
 * Who appears in the week: the staff of one Volkswagen 4S shop in Pudong, its
 * customers and their cars. Data only. Everyone is fictional; phone numbers use
 * the 0000 block so that none is a real subscriber.
 */
import type { Actor, Customer, Product, Role } from '@redress/core';

export const BRANCH = 'Jinqiao 4S, Pudong (浦东金桥4S店)';

export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly title: string;
}

const member = (id: string, name: string, role: Role, title: string): StaffMember => ({ id, name, role, title });

/** The people who act on complaints, by what they do. Ids are the user ids of the shop's directory. */
export const STAFF = {
  // Front-line staff: they take complaints at the desk and on the phone (step 1).
  liNa: member('li.na', '李娜 Li Na', 'frontDesk', 'Service advisor'),
  chenJie: member('chen.jie', '陈洁 Chen Jie', 'frontDesk', 'Service advisor'),
  // Handlers work a complaint from confirmation to archive.
  wangQiang: member('wang.qiang', '王强 Wang Qiang', 'handler', 'Customer-care specialist'),
  zhaoMin: member('zhao.min', '赵敏 Zhao Min', 'handler', 'Customer-care specialist'),
  liuYang: member('liu.yang', '刘洋 Liu Yang', 'handler', 'Customer-care specialist'),
  sunYue: member('sun.yue', '孙悦 Sun Yue', 'handler', 'Customer-care specialist'),
  // The senior specialist the service manager brings in for "three changes" (三变法).
  zhouTao: member('zhou.tao', '周涛 Zhou Tao', 'handler', 'Senior customer-care specialist'),
  // Technicians find causes and carry out repairs.
  maJun: member('ma.jun', '马骏 Ma Jun', 'technician', 'Workshop foreman'),
  heLei: member('he.lei', '何磊 He Lei', 'technician', 'Diagnostic technician'),
  // The service department head assigns handlers and owns general complaints.
  zhangWei: member('zhang.wei', '张伟 Zhang Wei', 'departmentHead', 'Service manager 服务经理'),
  // Senior management: major complaints are reported here and their remedies approved here.
  huangJianguo: member('huang.jianguo', '黄建国 Huang Jianguo', 'seniorManagement', 'General manager 总经理'),
  // Follow-up (回访) staff call the customer back within 3 days of execution.
  wuTing: member('wu.ting', '吴婷 Wu Ting', 'followUpStaff', 'Follow-up caller'),
  zhengJia: member('zheng.jia', '郑佳 Zheng Jia', 'followUpStaff', 'Follow-up caller'),
  // Technical problems go to the rapid-response engineers of head office.
  qianBo: member('qian.bo', '钱博 Qian Bo', 'headOfficeEngineering', 'Head-office field engineer'),
} as const;

export const FRONT_DESK = [STAFF.liNa, STAFF.chenJie] as const;
/** The everyday handlers the service manager rotates work between. */
export const HANDLERS = [STAFF.wangQiang, STAFF.zhaoMin, STAFF.liuYang, STAFF.sunYue] as const;
export const TECHNICIANS = [STAFF.maJun, STAFF.heLei] as const;
export const FOLLOW_UP = [STAFF.wuTing, STAFF.zhengJia] as const;

/** Everyone, by id: the board shows names, the log stores ids. */
export const STAFF_BY_ID: ReadonlyMap<string, StaffMember> = new Map(Object.values(STAFF).map((s) => [s.id, s]));

export const actorOf = (member: StaffMember): Actor => ({ id: member.id, role: member.role });

export interface Client {
  readonly customer: Customer & { readonly name: string };
  readonly vehicle: Product;
}

/** reference, name, model, plate, mileage (km), bought on. */
type Row = readonly [string, string, string, string, number, string];

const ROWS: readonly Row[] = [
  ['CU-23011', '高建军 Gao Jianjun', 'Teramont 途昂 380TSI', '沪A·7M2K9', 48_200, '2023-05-18'],
  ['CU-23012', '李秀英 Li Xiuying', 'Lavida 朗逸 Plus', '沪B·3F8L2', 21_350, '2024-09-02'],
  ['CU-23013', 'Michael Brown', 'Tiguan L 途观L 330TSI', '沪A·K5R17', 36_900, '2023-11-30'],
  ['CU-23014', '王芳 Wang Fang', 'Passat 帕萨特 330TSI', '沪A·Q2208', 52_700, '2022-08-14'],
  ['CU-23015', '张磊 Zhang Lei', 'ID.4 X', '沪AD·08812', 18_400, '2024-12-20'],
  ['CU-23016', 'Sophie Laurent', 'Polo Plus', '沪C·9T6H1', 12_050, '2025-03-08'],
  ['CU-23017', '刘建华 Liu Jianhua', 'Viloran 威然 380TSI', '沪A·M8866', 96_300, '2021-06-25'],
  ['CU-23018', '陈静 Chen Jing', 'Lamando 凌渡L', '沪B·6P3K0', 27_800, '2024-01-16'],
  ['CU-23019', '金大卫 David Kim', 'Passat 帕萨特 380TSI', '沪A·V7Z31', 61_450, '2022-04-11'],
  ['CU-23020', '杨帆 Yang Fan', 'Tharu 途岳', '沪D·2W5N8', 33_100, '2023-07-07'],
  ['CU-23021', '赵丽 Zhao Li', 'Lavida 朗逸', '沪A·E4J92', 74_900, '2021-10-03'],
  ['CU-23022', '周建国 Zhou Jianguo', 'Teramont X 途昂X', '沪A·H1L55', 40_600, '2023-02-27'],
  ['CU-23023', 'Anna Müller', 'ID.6 X', '沪AF·31570', 15_200, '2025-01-09'],
  ['CU-23024', '吴磊 Wu Lei', 'Tiguan L 途观L 380TSI', '沪B·N0D47', 58_350, '2022-11-19'],
  ['CU-23025', '孙静 Sun Jing', 'Polo', '沪C·R5G20', 89_000, '2020-05-30'],
  ['CU-23026', 'Raj Patel', 'Passat 帕萨特 330TSI', '沪A·S6X93', 29_750, '2024-03-22'],
  ['CU-23027', '黄晓明 Huang Xiaoming', 'Teramont 途昂 530V6', '沪A·88J6T', 67_400, '2022-01-12'],
  ['CU-23028', '徐丽娟 Xu Lijuan', 'Lamando 凌渡L', '沪B·C7M14', 9_800, '2025-06-18'],
  ['CU-23029', '张艾米 Emily Zhang', 'ID.3', '沪AD·26093', 22_600, '2024-08-05'],
  ['CU-23030', '马超 Ma Chao', 'Tharu 途岳', '沪D·5K8Q2', 45_300, '2023-04-15'],
  ['CU-23031', '胡敏 Hu Min', 'Lavida 朗逸 Plus', '沪A·U3B68', 38_050, '2023-09-28'],
  ['CU-23032', '郭伟 Guo Wei', 'Viloran 威然 330TSI', '沪A·W9E07', 120_400, '2020-12-01'],
  ['CU-23033', "James O'Connor", 'Tiguan L 途观L 330TSI', '沪A·T4F86', 19_900, '2024-10-12'],
  ['CU-23034', '林小红 Lin Xiaohong', 'Polo Plus', '沪C·L2N59', 7_300, '2025-08-23'],
  ['CU-23035', '何俊 He Jun', 'Passat 帕萨特 380TSI', '沪A·G6H71', 83_600, '2021-03-17'],
  ['CU-23036', '罗静 Luo Jing', 'ID.4 X', '沪AD·57731', 30_450, '2024-02-29'],
  ['CU-23037', '佐藤健二 Kenji Sato', 'Teramont X 途昂X', '沪A·Y8C24', 55_100, '2022-09-09'],
  ['CU-23038', '梁晨 Liang Chen', 'Lamando 凌渡L', '沪B·J1S36', 42_250, '2023-06-06'],
  ['CU-23039', '宋佳 Song Jia', 'Lavida 朗逸', '沪A·X5P80', 101_700, '2020-07-21'],
  ['CU-23040', '谢涛 Xie Tao', 'Tiguan L 途观L 380TSI', '沪A·Z3R62', 26_300, '2024-05-13'],
  ['CU-23041', '韩雪 Han Xue', 'ID.6 X', '沪AF·48826', 11_950, '2025-04-02'],
  ['CU-23042', '王欧 Olivia Wang', 'Passat 帕萨特 330TSI', '沪A·B2K47', 47_600, '2023-01-31'],
];

export const CLIENTS: readonly Client[] = ROWS.map(([reference, name, model, identifier, mileageKm, purchasedOn]) => ({
  customer: { reference, name, phone: `+86 139 0000 ${reference.slice(-4)}` },
  vehicle: { kind: 'passenger car', model, identifier, mileageKm, purchasedOn },
}));

/** The customer of the "three changes" story: aggressive at the desk, calm in the meeting room. */
export const AGGRESSIVE_CLIENT = CLIENTS[0] as Client;
