import type { Config } from '../core/config.ts';
import type { Database } from '../core/db/client.ts';
import { today } from '../core/dates.ts';
import { formatNumber } from '../core/vietnamese/index.ts';
import { ensureAdmin } from '../modules/accounts/accounts.service.ts';
import { loadDemo } from './demo-load.ts';

/**
 * On an empty database: the demo city (unless CANBO_DEMO=off, then a bare root unit to rename),
 * and the `admin` account, whose random password is printed once.
 */
export async function prepareInstallation(
  database: Database,
  config: Config,
  log: (line: string) => void,
): Promise<void> {
  const [{ n } = { n: 0 }] = await database.query<{ n: number }>(
    'select count(*)::int as n from units',
  );
  if (n === 0) {
    if (config.CANBO_DEMO === 'auto') {
      log(
        `Lần khởi động đầu: đang nạp dữ liệu mẫu (${formatNumber(config.CANBO_DEMO_MEMBERS)} đảng viên)…`,
      );
      let lastShown = 0;
      const result = await loadDemo(database, {
        members: config.CANBO_DEMO_MEMBERS,
        onProgress: (done, total, phase) => {
          if (phase !== 'members' || (done - lastShown < total / 5 && done < total)) return;
          lastShown = done;
          log(`  … ${formatNumber(done)}/${formatNumber(total)} đảng viên`);
        },
      });
      log(
        `Đã nạp ${formatNumber(result.units)} tổ chức đảng và ${formatNumber(result.members)} đảng viên mẫu (dữ liệu sinh ngẫu nhiên).`,
      );
    } else {
      await database.query(
        `insert into units (path, depth, type, code, name, search_text, valid_from) values ('', 0, 'province', 'GOC', 'Tổ chức gốc (hãy đổi tên)', 'to chuc goc goc', $1)`,
        [today()],
      );
      await database.query(`update units set path = '/' || id || '/' where path = ''`);
      await database.query(
        `insert into unit_versions (unit_id, valid_from, type, code, name) select id, valid_from, type, code, name from units`,
      );
    }
  }
  const [root] = await database.query<{ id: number }>(
    `select id from units where parent_id is null and status = 'active' order by id limit 1`,
  );
  const admin = await ensureAdmin(database.db, {
    rootUnitId: root!.id,
    password: config.CANBO_ADMIN_PASSWORD,
  });
  if (admin.created && admin.password) {
    log('');
    log(
      'Đã tạo tài khoản quản trị "admin". Mật khẩu (chỉ hiện một lần, hãy lưu lại và đổi sau khi đăng nhập):',
    );
    log(`    ${admin.password}`);
    log('');
  } else if (admin.created) {
    log('Đã tạo tài khoản quản trị "admin" với mật khẩu từ CANBO_ADMIN_PASSWORD.');
  }
}
