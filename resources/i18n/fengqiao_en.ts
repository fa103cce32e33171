<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
  <context>
    <name />
    <message>
      <source>有一项工作没有完成，屏幕上的内容可能不是最新的：</source>
      <translation>A piece of work did not finish; what the screen shows may not be up to date:</translation>
    </message>
    <message>
      <source>可以重新打开这一页再试一次；如果仍然不行，请退出后重新登录。</source>
      <translation>You can open this page again to try once more; if that does not help, quit and sign in again.</translation>
    </message>
    <message>
      <source>详情已记入日志，需要帮助时请把这个文件交给技术支持：
{0}</source>
      <translation>The details are in the log; if you need help, give this file to technical support:
{0}</translation>
    </message>
    <message>
      <source>操作未完成</source>
      <translation>Not finished</translation>
    </message>
    <message>
      <source>打开日志所在文件夹</source>
      <translation>Open the log's folder</translation>
    </message>
    <message>
      <source>出现意外错误：{0}（数据未丢失，详情见日志）</source>
      <translation>Unexpected error: {0} (no data was lost; see the log)</translation>
    </message>
    <message>
      <source>已取消</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <source>无法完成</source>
      <translation>Cannot complete</translation>
    </message>
    <message>
      <source>暂无数据</source>
      <translation>No data yet</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>无法保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <source>放弃填写</source>
      <translation>Discard what was typed</translation>
    </message>
    <message>
      <source>表单里已填写的内容还没有保存。放弃这些内容并关闭吗？</source>
      <translation>What was typed into this form has not been saved. Discard it and close?</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>手机</source>
      <translation>Mobile</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>事实经过</source>
      <translation>Facts</translation>
    </message>
    <message>
      <source>等级</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>标签</source>
      <translation>Tags</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>村（社区）</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>承办</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>住户</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>居民</source>
      <translation>Resident</translation>
    </message>
    <message>
      <source>事项</source>
      <translation>Matter</translation>
    </message>
    <message>
      <source>走访</source>
      <translation>Visit</translation>
    </message>
    <message>
      <source>当事人</source>
      <translation>Party</translation>
    </message>
    <message>
      <source>调解协议</source>
      <translation>Agreement</translation>
    </message>
    <message>
      <source>修改：{0}</source>
      <translation>Edited: {0}</translation>
    </message>
    <message>
      <source>已删除</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <source>保留</source>
      <translation>Kept</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>冲突与被拒的修改</source>
      <translation>Conflicts and rejected edits</translation>
    </message>
    <message>
      <source>冲突</source>
      <translation>Conflicts</translation>
    </message>
    <message>
      <source>被拒的修改</source>
      <translation>Rejected edits</translation>
    </message>
    <message>
      <source>记录</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>字段</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>原来的值</source>
      <translation>Value before</translation>
    </message>
    <message>
      <source>乡镇服务器上的值</source>
      <translation>Township server's value</translation>
    </message>
    <message>
      <source>本机的值</source>
      <translation>This laptop's value</translation>
    </message>
    <message>
      <source>双方</source>
      <translation>Who and when</translation>
    </message>
    <message>
      <source>没有冲突：两处改的不是同一项。</source>
      <translation>No conflicts: no two places changed the same item.</translation>
    </message>
    <message>
      <source>两处同时改了同一项。服务器暂时保留它的值；请选择保留哪一个，或改为新的值。</source>
      <translation>The same item was changed in two places. The server keeps its value for now; choose which one to keep, or write a new value.</translation>
    </message>
    <message>
      <source>保留服务器的值</source>
      <translation>Keep the server's value</translation>
    </message>
    <message>
      <source>采用本机的值</source>
      <translation>Take this laptop's value</translation>
    </message>
    <message>
      <source>改为…</source>
      <translation>Change to…</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>修改的内容</source>
      <translation>What was changed</translation>
    </message>
    <message>
      <source>服务器拒绝的原因</source>
      <translation>Why the server refused it</translation>
    </message>
    <message>
      <source>乡镇服务器接受了本机送去的每一条修改。</source>
      <translation>The township server accepted every change this laptop sent.</translation>
    </message>
    <message>
      <source>这些修改乡镇服务器没有接受，仍保存在本机。请按原因处理，或联系乡镇平台。</source>
      <translation>The township server did not accept these edits; they are still kept on this laptop. Act on the reason, or contact the township platform office.</translation>
    </message>
    <message>
      <source>服务器：{0} {1}；本机：{2} {3}</source>
      <translation>Server: {0} {1}; this laptop: {2} {3}</translation>
    </message>
    <message>
      <source>改为新的值</source>
      <translation>Change to a new value</translation>
    </message>
    <message>
      <source>连接服务器</source>
      <translation>Connecting to the server</translation>
    </message>
    <message>
      <source>上传修改</source>
      <translation>Sending edits</translation>
    </message>
    <message>
      <source>下载更新</source>
      <translation>Receiving updates</translation>
    </message>
    <message>
      <source>核对数量</source>
      <translation>Checking counts</translation>
    </message>
    <message>
      <source>上传附件</source>
      <translation>Uploading attachments</translation>
    </message>
    <message>
      <source>下载附件</source>
      <translation>Downloading attachments</translation>
    </message>
    <message>
      <source>账号或密码：{0}</source>
      <translation>Account or password: {0}</translation>
    </message>
    <message>
      <source>服务器地址：{0}</source>
      <translation>Server address: {0}</translation>
    </message>
    <message>
      <source>与乡镇平台给出的指纹一致，信任此证书</source>
      <translation>It matches the fingerprint the township platform gave: trust this certificate</translation>
    </message>
    <message>
      <source>服务器证书指纹（SHA-256）：
{0}</source>
      <translation>Server certificate fingerprint (SHA-256):
{0}</translation>
    </message>
    <message>
      <source>如：https://192.168.1.10:8765（乡镇平台提供）</source>
      <translation>e.g. https://192.168.1.10:8765 (from the township platform)</translation>
    </message>
    <message>
      <source>服务器地址</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>账号</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>加入后，本机取得本账号范围内的数据，以后在“同步”菜单同步。</source>
      <translation>Once joined, this computer receives the data within this account's scope; sync later from the Sync menu.</translation>
    </message>
    <message>
      <source>账号：请填写账号</source>
      <translation>Account: please enter the account</translation>
    </message>
    <message>
      <source>密码：请填写密码</source>
      <translation>Password: please enter the password</translation>
    </message>
    <message>
      <source>正在读取服务器证书…</source>
      <translation>Reading the server's certificate…</translation>
    </message>
    <message>
      <source>服务器地址：请与乡镇平台核对证书指纹，一致后勾选“信任此证书”，再按开始</source>
      <translation>Server address: check the certificate fingerprint with the township platform; if it matches, tick “trust this certificate” and press Start again</translation>
    </message>
    <message>
      <source>首次连接这台服务器：请与乡镇平台核对下面的证书指纹，一致后勾选“信任此证书”，再按开始</source>
      <translation>First connection to this server: check the certificate fingerprint below with the township platform; if it matches, tick “trust this certificate” and press Start</translation>
    </message>
    <message>
      <source>正在加入 {0}…</source>
      <translation>Joining {0}…</translation>
    </message>
    <message>
      <source>正在取消加入…</source>
      <translation>Cancelling the join…</translation>
    </message>
    <message>
      <source>已取消加入：本机没有留下未完成的数据库，可以修改后再试</source>
      <translation>Join cancelled: no half-made database was left on this computer; change what you need and try again</translation>
    </message>
    <message>
      <source>服务器设置</source>
      <translation>Server settings</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>乡镇服务器换了地址时在这里修改。本机的登记保留；若新地址的服务器不认识本机，同步时会请您输入密码重新登记。</source>
      <translation>Change this when the township server moves to a new address. This computer's registration is kept; if the server at the new address does not know this computer, the next sync asks for your password to register again.</translation>
    </message>
    <message>
      <source>服务器地址：请与乡镇平台核对证书指纹，一致后勾选“信任此证书”，再保存</source>
      <translation>Server address: check the certificate fingerprint with the township platform; if it matches, tick “trust this certificate” and save again</translation>
    </message>
    <message>
      <source>请与乡镇平台核对证书指纹，一致后勾选“信任此证书”，再保存</source>
      <translation>Check the certificate fingerprint with the township platform; if it matches, tick “trust this certificate” and save</translation>
    </message>
    <message>
      <source>本机等待同步的 {0} 条修改都保留，登记后随即上传。</source>
      <translation>The {0} changes waiting on this computer are all kept and are uploaded once it is registered.</translation>
    </message>
    <message>
      <source>登记并同步</source>
      <translation>Register and sync</translation>
    </message>
    <message>
      <source>密码：请输入密码</source>
      <translation>Password: please enter the password</translation>
    </message>
    <message>
      <source>离线工作：尚未连接乡镇服务器</source>
      <translation>Working offline: not yet connected to the township server</translation>
    </message>
    <message>
      <source>同步</source>
      <translation>Sync</translation>
    </message>
    <message>
      <source>与乡镇服务器同步 (F5)</source>
      <translation>Sync with the township server (F5)</translation>
    </message>
    <message>
      <source>上次同步 {0}</source>
      <translation>Last sync {0}</translation>
    </message>
    <message>
      <source>被拒 {0} 条</source>
      <translation>{0} rejected</translation>
    </message>
    <message>
      <source>收到 {0} 条无法保存的记录（已跳过）</source>
      <translation>{0} records received that cannot be stored here (skipped)</translation>
    </message>
    <message>
      <source>仅在本机使用：尚未连接乡镇服务器（同步 → 服务器设置）</source>
      <translation>This laptop only: not yet connected to a township server (Sync → Server settings)</translation>
    </message>
    <message>
      <source>冲突 {0}</source>
      <translation>Conflicts {0}</translation>
    </message>
    <message>
      <source>被拒 {0}</source>
      <translation>Rejected {0}</translation>
    </message>
    <message>
      <source>{0} 条修改保存在本机，等待同步</source>
      <translation>Changes kept on this laptop, waiting to sync: {0}</translation>
    </message>
    <message>
      <source>同步未完成：{0}</source>
      <translation>Sync did not finish: {0}</translation>
    </message>
    <message>
      <source>离线：连不上乡镇服务器</source>
      <translation>Offline: the township server cannot be reached</translation>
    </message>
    <message>
      <source>已同步：上次 {0}</source>
      <translation>Synced: last at {0}</translation>
    </message>
    <message>
      <source>尚未同步</source>
      <translation>Not synced yet</translation>
    </message>
    <message>
      <source>本机时钟与乡镇服务器相差 {0} 分钟，请校准</source>
      <translation>This laptop's clock is {0} minutes off the township server's; please set it</translation>
    </message>
    <message>
      <source>登记这台电脑</source>
      <translation>Register this computer</translation>
    </message>
    <message>
      <source>重新登记这台电脑</source>
      <translation>Register this computer again</translation>
    </message>
    <message>
      <source>乡镇服务器 {1} 不再认识这台电脑的登记（例如服务器重装或从备份恢复）。请输入账号“{0}”的密码重新登记。</source>
      <translation>The township server {1} no longer knows this computer's registration (for example, the server was reinstalled or restored from a backup). Enter the password of account “{0}” to register again.</translation>
    </message>
    <message>
      <source>第一次同步：请输入账号“{0}”的密码，在乡镇服务器 {1} 登记这台电脑。</source>
      <translation>First sync: enter the password of account "{0}" to register this computer with the township server {1}.</translation>
    </message>
    <message>
      <source>正在同步…</source>
      <translation>Syncing…</translation>
    </message>
    <message>
      <source>同步没有完成</source>
      <translation>Sync did not finish</translation>
    </message>
    <message>
      <source>枫桥出错了</source>
      <translation>Fengqiao ran into an error</translation>
    </message>
    <message>
      <source>出现意外错误：{0}

您的数据已保存到最后一次完成的操作，没有丢失。详情已记入日志：{1}</source>
      <translation>An unexpected error: {0}

Your data is kept as of the last finished action; nothing was lost. The details are in the log: {1}</translation>
    </message>
    <message>
      <source>枫桥备份 (*.fqbak)</source>
      <translation>Fengqiao backups (*.fqbak)</translation>
    </message>
    <message>
      <source>备份本机数据</source>
      <translation>Back up this laptop</translation>
    </message>
    <message>
      <source>备份完成</source>
      <translation>Backup finished</translation>
    </message>
    <message>
      <source>已备份到 {0}（{1:.1f} MB）：{2} 户、{3} 人、{4} 次走访、{5} 件事项、{6} 个附件。
备份已加密，凭本机任一账号的密码才能恢复。请把它存到 U 盘等另一处。</source>
      <translation>Backed up to {0} ({1:.1f} MB): {2} households, {3} persons, {4} visits, {5} matters, {6} attachments.
The backup is encrypted: only the password of one of this laptop's accounts restores it. Keep it somewhere else, on a USB stick for example.</translation>
    </message>
    <message>
      <source>正在备份…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <source>正在恢复备份…</source>
      <translation>Restoring the backup…</translation>
    </message>
    <message>
      <source>已恢复 {0} 于 {1} 由 {2} 做的备份。</source>
      <translation>Restored the backup of {0} made at {1} by {2}.</translation>
    </message>
    <message>
      <source>
原来的数据已移到 {0}。</source>
      <translation>
The data that was here before has been moved to {0}.</translation>
    </message>
    <message>
      <source>没有恢复：{0}
这台电脑上原有的数据没有改动。</source>
      <translation>Not restored: {0}
The data on this computer has not been changed.</translation>
    </message>
    <message>
      <source>枫桥离线同步包 (*{0})</source>
      <translation>Fengqiao offline sync bundles (*{0})</translation>
    </message>
    <message>
      <source>导出离线同步包</source>
      <translation>Export an offline sync bundle</translation>
    </message>
    <message>
      <source>已写出 {0}：{1} 条待同步的修改。
请交乡镇平台导入，再把它给出的回执导入本机。</source>
      <translation>Wrote {0}: {1} edits waiting to sync.
Hand it to the township platform office to import, then import the reply it gives you on this laptop.</translation>
    </message>
    <message>
      <source>导入离线同步包</source>
      <translation>Import an offline sync bundle</translation>
    </message>
    <message>
      <source>把离线同步包 {0} 导入本机吗？</source>
      <translation>Import the offline sync bundle {0} into this laptop?</translation>
    </message>
    <message>
      <source>已导入 {0}：上传的修改生效 {1} 条、冲突 {2} 条、被拒 {3} 条；收到乡镇的记录 {4} 条。</source>
      <translation>Imported {0}: {1} of your edits applied, {2} in conflict, {3} rejected; {4} records received from the township.</translation>
    </message>
    <message>
      <source>不能写入“{0}”：{1}。请关闭正在打开它的程序，或换一个位置再试</source>
      <translation>Cannot write "{0}": {1}. Close the program that has it open, or choose another place, and try again</translation>
    </message>
    <message>
      <source>PDF 没有写成：“{0}”。请换一个位置再试</source>
      <translation>The PDF was not written: "{0}". Choose another place and try again</translation>
    </message>
  </context>
  <context>
    <name>AccountDialog</name>
    <message>
      <source>添加账号</source>
      <translation>Add account</translation>
    </message>
    <message>
      <source>修改账号</source>
      <translation>Edit account</translation>
    </message>
    <message>
      <source>账号</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>范围</source>
      <translation>Scope</translation>
    </message>
    <message>
      <source>所属单位/队伍</source>
      <translation>Unit or team</translation>
    </message>
    <message>
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>负责的村或网格</source>
      <translation>Villages or grids covered</translation>
    </message>
    <message>
      <source>联系的住户</source>
      <translation>Households looked after</translation>
    </message>
    <message>
      <source>联户长联系的住户：户号，用逗号分隔</source>
      <translation>The household head's households: numbers, separated by commas</translation>
    </message>
    <message>
      <source>用“重设密码…”修改</source>
      <translation>Change it with “Reset password…”</translation>
    </message>
  </context>
  <context>
    <name>AccountsTab</name>
    <message>
      <source>账号</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Roles</translation>
    </message>
    <message>
      <source>范围</source>
      <translation>Scope</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <source>设备</source>
      <translation>Devices</translation>
    </message>
    <message>
      <source>添加账号…</source>
      <translation>Add account…</translation>
    </message>
    <message>
      <source>修改角色、范围、单位…</source>
      <translation>Edit roles, scope, unit…</translation>
    </message>
    <message>
      <source>停用</source>
      <translation>Disable</translation>
    </message>
    <message>
      <source>启用</source>
      <translation>Enable</translation>
    </message>
    <message>
      <source>重设密码…</source>
      <translation>Reset password…</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>账号以乡镇服务器为准：这里的修改直接改服务器上的账号，各电脑下次同步后随之更新。</source>
      <translation>Accounts are the township server's: changes here change the server's accounts, and every computer follows at its next sync.</translation>
    </message>
    <message>
      <source>这台电脑还没有连接乡镇服务器：账号先建在本机，第一次同步后由乡镇服务器管理。</source>
      <translation>This computer has not connected to a township server yet: accounts are made here first, and the township server manages them after the first sync.</translation>
    </message>
    <message>
      <source>正常</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>重设密码</source>
      <translation>Reset password</translation>
    </message>
    <message>
      <source>{0} 的新密码：</source>
      <translation>New password for {0}:</translation>
    </message>
  </context>
  <context>
    <name>ActionDialog</name>
    <message>
      <source>无法办理</source>
      <translation>Cannot do this step</translation>
    </message>
    <message>
      <source>提级后，事项报送{0}（{1}），由{1}办理。本级仍可查看此事项（只读），{0}的办理步骤会显示在流转记录中。</source>
      <translation>Once escalated, the matter goes to {0} ({1}) and {1} handles it. This level can still view it (read-only), and {0}'s steps show in its history.</translation>
    </message>
    <message>
      <source>交下级落实后，事项交{0}办理，须在下面的落实期限内办结；本级仍可查看此事项，超期可以督办。</source>
      <translation>Once sent down, the matter goes to {0}, which must close it within the deadline below; this level can still view it and may supervise it when it is late.</translation>
    </message>
    <message>
      <source>县级还没有县直单位，无法交办。请先在“设置 → 单位与队伍”中添加县直单位（如县法院、县公安局、县信访局、县人社局），并把县级账号加为成员。</source>
      <translation>The county has no county units yet, so nothing can be assigned. First add county units under “Settings → Units and teams” (such as the county court, police bureau, petitions bureau, human resources bureau) and add county accounts to them as members.</translation>
    </message>
    <message>
      <source>还没有可交办的单位、队伍或人员。请先在“设置 → 单位与队伍”中添加单位或队伍，或在“设置 → 账号”中添加人员。</source>
      <translation>There is no unit, team or person to assign to yet. First add a unit or team under “Settings → Units and teams”, or a person under “Settings → Accounts”.</translation>
    </message>
    <message>
      <source>（请选择）</source>
      <translation>(choose)</translation>
    </message>
    <message>
      <source>村（居）委会</source>
      <translation>Village committees</translation>
    </message>
    <message>
      <source>职能部门</source>
      <translation>Units</translation>
    </message>
    <message>
      <source>调解队伍</source>
      <translation>Mediation teams</translation>
    </message>
    <message>
      <source>个人</source>
      <translation>People</translation>
    </message>
    <message>
      <source>请选择</source>
      <translation>Please choose</translation>
    </message>
  </context>
  <context>
    <name>AmendAgreementDialog</name>
    <message>
      <source>变更协议</source>
      <translation>Amend agreement</translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message>
      <source>正在校验哈希链…</source>
      <translation>Verifying the hash chain…</translation>
    </message>
    <message>
      <source>从（YYYY-MM-DD）</source>
      <translation>From (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>至（YYYY-MM-DD）</source>
      <translation>To (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>操作人姓名或账号</source>
      <translation>Name or username of who acted</translation>
    </message>
    <message>
      <source>操作或对象，如 login、account.disable</source>
      <translation>Action or target, e.g. login, account.disable</translation>
    </message>
    <message>
      <source>筛选</source>
      <translation>Filter</translation>
    </message>
    <message>
      <source>校验哈希链</source>
      <translation>Verify hash chain</translation>
    </message>
    <message>
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>操作人</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>变更</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>设备</source>
      <translation>Devices</translation>
    </message>
    <message>
      <source>共 {0} 条</source>
      <translation>{0} entries</translation>
    </message>
    <message>
      <source>没有符合条件的审计记录。</source>
      <translation>No audit entries match.</translation>
    </message>
    <message>
      <source>显示原始记录</source>
      <translation>Show the raw entry</translation>
    </message>
    <message>
      <source>请在上表中选择一条记录</source>
      <translation>Select an entry in the table above</translation>
    </message>
    <message>
      <source>日期“{0}”应写作 YYYY-MM-DD</source>
      <translation>Write the date “{0}” as YYYY-MM-DD</translation>
    </message>
    <message>
      <source>从</source>
      <translation>From</translation>
    </message>
    <message>
      <source>至</source>
      <translation>To</translation>
    </message>
    <message>
      <source>✔ 哈希链完好：共 {0} 条记录，未发现改动</source>
      <translation>✔ Hash chain intact: {0} entries, no changes found</translation>
    </message>
    <message>
      <source>✘ 哈希链校验失败：第 {0} 条记录起的日志可能被改动或删除，请保全本机数据并报告</source>
      <translation>✘ Hash chain broken: entries from no. {0} on may have been changed or removed; keep this computer's data as it is and report it</translation>
    </message>
  </context>
  <context>
    <name>CalendarTab</name>
    <message>
      <source>年份 </source>
      <translation>Year </translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>类型（休/班）</source>
      <translation>Type (休 off / 班 work)</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>法定节假日以国务院办公厅每年发布的通知为准。未录入的年份，期限按周一至周五计算，并在事项和工作台上提示。表格导入：第一行为表头“日期、类型、名称”，类型填“休”或“班”。</source>
      <translation>Public holidays follow the notice the State Council's General Office publishes each year. For a year not entered, deadlines are counted Monday to Friday and flagged on the matter and the desk. Sheet import: the first row is the header “日期、类型、名称” (date, type, name); the type is “休” (off) or “班” (work).</translation>
    </message>
    <message>
      <source>添加一行</source>
      <translation>Add a row</translation>
    </message>
    <message>
      <source>删除选中行</source>
      <translation>Delete selected rows</translation>
    </message>
    <message>
      <source>保存本年</source>
      <translation>Save this year</translation>
    </message>
    <message>
      <source>撤销本年录入</source>
      <translation>Withdraw this year's entry</translation>
    </message>
    <message>
      <source>从表格导入…</source>
      <translation>Import from a sheet…</translation>
    </message>
    <message>
      <source>{0}年（{1}）：放假{2}天，调休上班{3}天</source>
      <translation>{0} ({1}): {2} days off, {3} make-up working days</translation>
    </message>
    <message>
      <source>第 {0} 行：{1}</source>
      <translation>Row {0}: {1}</translation>
    </message>
    <message>
      <source>{0} 不在 {1} 年</source>
      <translation>{0} is not in {1}</translation>
    </message>
    <message>
      <source>节假日</source>
      <translation>Holidays</translation>
    </message>
    <message>
      <source>导入节假日</source>
      <translation>Import holidays</translation>
    </message>
    <message>
      <source>表格 (*.xlsx *.csv)</source>
      <translation>Sheets (*.xlsx *.csv)</translation>
    </message>
    <message>
      <source>已导入（替换该年原有录入）：{0}；期限随之调整的在办事项 {1} 件。</source>
      <translation>Imported (replacing that year's earlier entry): {0}; open matters whose deadline moved: {1}.</translation>
    </message>
    <message>
      <source>以下各行未导入：</source>
      <translation>These rows were not imported:</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <source>记录走访 — {0}</source>
      <translation>Record a contact — {0}</translation>
    </message>
    <message>
      <source>走访日期</source>
      <translation>Date of contact</translation>
    </message>
    <message>
      <source>方式</source>
      <translation>Way</translation>
    </message>
    <message>
      <source>见到的情况</source>
      <translation>What was seen</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
  </context>
  <context>
    <name>CountyStatsPage</name>
    <message>
      <source>{0}月</source>
      <translation>Month {0}</translation>
    </message>
    <message>
      <source>第{0}季度</source>
      <translation>Q{0}</translation>
    </message>
    <message>
      <source>按乡镇排名</source>
      <translation>Townships ranked</translation>
    </message>
    <message>
      <source>按县直单位</source>
      <translation>County units</translation>
    </message>
    <message>
      <source>本期没有数据</source>
      <translation>No figures for this period</translation>
    </message>
    <message>
      <source>按各乡镇月结发布的数据排名；未月结的乡镇列在最后，不排名。</source>
      <translation>Ranked on the figures each township published when it closed the month; townships that have not closed it are listed last, unranked.</translation>
    </message>
    <message>
      <source>导出县级通报…</source>
      <translation>Export county report…</translation>
    </message>
    <message>
      <source>乡镇排名和县直单位，PDF 或 Excel</source>
      <translation>Township ranking and county units, as PDF or Excel</translation>
    </message>
    <message>
      <source>年</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>名次</source>
      <translation>Rank</translation>
    </message>
    <message>
      <source>乡镇</source>
      <translation>Township</translation>
    </message>
    <message>
      <source>区划代码</source>
      <translation>Division code</translation>
    </message>
    <message>
      <source>得分</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>公式分</source>
      <translation>Formula score</translation>
    </message>
    <message>
      <source>亮点分</source>
      <translation>Highlight points</translation>
    </message>
    <message>
      <source>总分</source>
      <translation>Total score</translation>
    </message>
    <message>
      <source>立案</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>化解</source>
      <translation>Resolved</translation>
    </message>
    <message>
      <source>办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>化解率</source>
      <translation>Resolution rate</translation>
    </message>
    <message>
      <source>办结率</source>
      <translation>Completion rate</translation>
    </message>
    <message>
      <source>按期办结率</source>
      <translation>On-time rate</translation>
    </message>
    <message>
      <source>调解成功率</source>
      <translation>Mediation success</translation>
    </message>
    <message>
      <source>满意率</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <source>卷宗归档率</source>
      <translation>Dossiers filed</translation>
    </message>
    <message>
      <source>回访率</source>
      <translation>Follow-up rate</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>导出县级通报</source>
      <translation>Export county report</translation>
    </message>
    <message>
      <source>县级通报{0}.pdf</source>
      <translation>County report {0}.pdf</translation>
    </message>
    <message>
      <source>PDF 或 Excel (*.pdf *.xlsx)</source>
      <translation>PDF or Excel (*.pdf *.xlsx)</translation>
    </message>
    <message>
      <source>已导出：{0}</source>
      <translation>Exported: {0}</translation>
    </message>
  </context>
  <context>
    <name>DeskPage</name>
    <message>
      <source>已超期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>临期</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <source>在办事项</source>
      <translation>Open matters</translation>
    </message>
    <message>
      <source>待我签收</source>
      <translation>Waiting for me to accept</translation>
    </message>
    <message>
      <source>待认领工单</source>
      <translation>Orders to claim</translation>
    </message>
    <message>
      <source>待立案</source>
      <translation>To register</translation>
    </message>
    <message>
      <source>待回访</source>
      <translation>Follow-ups due</translation>
    </message>
    <message>
      <source>本月走访</source>
      <translation>Visits this month</translation>
    </message>
    <message>
      <source>司法确认申请将到期</source>
      <translation>Judicial confirmation: apply soon</translation>
    </message>
    <message>
      <source>督办件</source>
      <translation>Supervised</translation>
    </message>
    <message>
      <source>风险预警（易激化）</source>
      <translation>Risk warnings (may flare up)</translation>
    </message>
    <message>
      <source>重点人员</source>
      <translation>Key persons</translation>
    </message>
    <message>
      <source>重点人员 待走访</source>
      <translation>Key persons due a contact</translation>
    </message>
    <message>
      <source>重复人员待处理</source>
      <translation>Duplicate residents</translation>
    </message>
    <message>
      <source>同步冲突待处理</source>
      <translation>Sync conflicts to settle</translation>
    </message>
    <message>
      <source>我包的案</source>
      <translation>My cases</translation>
    </message>
    <message>
      <source>期限</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>Serial</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>承办</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>没有超期或临期的事项。</source>
      <translation>Nothing overdue or nearly due.</translation>
    </message>
    <message>
      <source>在办</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>超期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>我的超期和临期事项（双击打开）</source>
      <translation>My overdue and nearly due matters (double-click to open)</translation>
    </message>
    <message>
      <source>超期和临期事项（双击打开）</source>
      <translation>Overdue and nearly due matters (double-click to open)</translation>
    </message>
    <message>
      <source>各村（社区）情况</source>
      <translation>By village</translation>
    </message>
    <message>
      <source>按状态</source>
      <translation>By status</translation>
    </message>
    <message>
      <source>按类别</source>
      <translation>By category</translation>
    </message>
    <message>
      <source>登记走访 (Ctrl+N)</source>
      <translation>Log a visit (Ctrl+N)</translation>
    </message>
    <message>
      <source>上报事项 (Ctrl+M)</source>
      <translation>Report a matter (Ctrl+M)</translation>
    </message>
    <message>
      <source>处理冲突…</source>
      <translation>Settle conflicts…</translation>
    </message>
    <message>
      <source>开始使用：请按顺序完成以下几步</source>
      <translation>Getting started: complete these steps in order</translation>
    </message>
    <message>
      <source>添加村（社区）和人民调解委员会（设置 → 办理规则）</source>
      <translation>Add villages and their mediation committees (Settings → Rules)</translation>
    </message>
    <message>
      <source>划分网格并指定网格员（设置 → 办理规则）</source>
      <translation>Divide villages into grids and name their grid workers (Settings → Rules)</translation>
    </message>
    <message>
      <source>添加职能部门和调解队伍（设置 → 单位与队伍）</source>
      <translation>Add units and mediation teams (Settings → Units and teams)</translation>
    </message>
    <message>
      <source>为网格员、调解员等添加账号（设置 → 账号）</source>
      <translation>Add accounts for grid workers, mediators and others (Settings → Accounts)</translation>
    </message>
    <message>
      <source>导入花名册或登记住户（住户 → 导入花名册…）</source>
      <translation>Import a roster or register households (Households → Import roster…)</translation>
    </message>
    <message>
      <source>去完成</source>
      <translation>Go</translation>
    </message>
    <message>
      <source>等 {0} 处</source>
      <translation>and others, {0} in all</translation>
    </message>
    <message>
      <source>同步时两处改了同一项：{0}{1}。服务器暂时保留它的值，请选择保留哪一个。</source>
      <translation>Two edits changed the same item during sync: {0}{1}. The server keeps its value for now; choose which one to keep.</translation>
    </message>
    <message>
      <source>{0}，您好</source>
      <translation>Hello, {0}</translation>
    </message>
    <message>
      <source>县级事项</source>
      <translation>County matters</translation>
    </message>
    <message>
      <source>乡镇</source>
      <translation>Township</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>督办</source>
      <translation>Supervised</translation>
    </message>
    <message>
      <source>待县级办理（双击打开）</source>
      <translation>Waiting at county level (double-click to open)</translation>
    </message>
    <message>
      <source>已交下级落实（超期的标红，双击打开后督办）</source>
      <translation>Sent down to a township (late ones in red; open with a double-click to supervise)</translation>
    </message>
    <message>
      <source>县级交下级落实的事项（超期的标红，双击打开）</source>
      <translation>Matters the county sent down (late ones in red, double-click to open)</translation>
    </message>
    <message>
      <source>县级期限</source>
      <translation>County deadline</translation>
    </message>
    <message>
      <source>（已超期）</source>
      <translation> (overdue)</translation>
    </message>
    <message>
      <source>临期（已过{0}%时限）</source>
      <translation>Due soon ({0}% of the time used)</translation>
    </message>
  </context>
  <context>
    <name>DuplicatesDialog</name>
    <message>
      <source>重复人员</source>
      <translation>Duplicate residents</translation>
    </message>
    <message>
      <source>正在读取…</source>
      <translation>Reading…</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>户号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>没有重复登记的人员。</source>
      <translation>No one is registered twice.</translation>
    </message>
    <message>
      <source>合并：保留选中的这一条，同号的其他记录并入</source>
      <translation>Merge: keep the selected record, fold the others with its number into it</translation>
    </message>
    <message>
      <source>{0} 个身份证号登记了不止一条居民记录。选中要保留的一条后合并：相关事项改指向它，其余记录删除，审计日志记下合并。</source>
      <translation>{0} ID numbers are on more than one resident record. Select the record to keep and merge: matters then name it, the other records are removed, and the audit log records the merge.</translation>
    </message>
    <message>
      <source>没有重复的居民记录。</source>
      <translation>No duplicate resident records.</translation>
    </message>
    <message>
      <source>无法合并</source>
      <translation>Cannot merge</translation>
    </message>
    <message>
      <source>请先选中要保留的那条记录</source>
      <translation>Select the record to keep first</translation>
    </message>
  </context>
  <context>
    <name>Fengqiao</name>
    <message>
      <source>与邻居因排水沟堵塞发生争吵，情绪激动。</source>
      <translation>Quarrelled with the neighbours over a blocked drain; tempers are high.</translation>
    </message>
  </context>
  <context>
    <name>HouseholdCard</name>
    <message>
      <source>请选择一户</source>
      <translation>Select a household</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>关系</source>
      <translation>Relation</translation>
    </message>
    <message>
      <source>性别</source>
      <translation>Sex</translation>
    </message>
    <message>
      <source>出生日期</source>
      <translation>Born</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>手机号</source>
      <translation>Mobile</translation>
    </message>
    <message>
      <source>还没有走访记录。点“登记走访”记下这次上门。</source>
      <translation>No visits yet. Click “Log visit” to record this one.</translation>
    </message>
    <message>
      <source>这一户没有相关的矛盾纠纷或信访事项。</source>
      <translation>No disputes or petitions concern this household.</translation>
    </message>
    <message>
      <source>修改住户</source>
      <translation>Edit household</translation>
    </message>
    <message>
      <source>添加成员</source>
      <translation>Add member</translation>
    </message>
    <message>
      <source>查看完整号码</source>
      <translation>Show full numbers</translation>
    </message>
    <message>
      <source>登记走访</source>
      <translation>Log a visit</translation>
    </message>
    <message>
      <source>家庭成员</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>走访记录</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>相关事项</source>
      <translation>Matters</translation>
    </message>
    <message>
      <source>正在读取…</source>
      <translation>Reading…</translation>
    </message>
    <message>
      <source>{0} {1}号户</source>
      <translation>{0}, household {1}</translation>
    </message>
    <message>
      <source>登记走访（{0} {1}号）</source>
      <translation>Log visit ({0} no. {1})</translation>
    </message>
    <message>
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <source>地址：{0}　网格：{1}　标签：{2}</source>
      <translation>Address: {0}  Grid: {1}  Tags: {2}</translation>
    </message>
    <message>
      <source>未分配</source>
      <translation>unassigned</translation>
    </message>
    <message>
      <source>（发现事项 {0}）</source>
      <translation> (found {0})</translation>
    </message>
    <message>
      <source>请先选中一位成员</source>
      <translation>Select a member first</translation>
    </message>
  </context>
  <context>
    <name>HouseholdDialog</name>
    <message>
      <source>新增住户</source>
      <translation>New household</translation>
    </message>
    <message>
      <source>修改住户</source>
      <translation>Edit household</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>还没有村（社区）：写下村名，如 新街村</source>
      <translation>No village yet: type its name, e.g. 新街村</translation>
    </message>
    <message>
      <source>添加村（社区）</source>
      <translation>Add village</translation>
    </message>
    <message>
      <source>村（社区）名称</source>
      <translation>Village name</translation>
    </message>
    <message>
      <source>还没有村（社区）。请管理员在“设置”的“办理规则”页添加。</source>
      <translation>No village yet. Ask an administrator to add one under Settings → Rules.</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>户号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
  </context>
  <context>
    <name>HouseholdsPage</name>
    <message>
      <source>搜索姓名、身份证号、手机号、地址、户号…</source>
      <translation>Search name, ID number, phone, address, household no.…</translation>
    </message>
    <message>
      <source>全部村（社区）</source>
      <translation>All villages</translation>
    </message>
    <message>
      <source>新增住户</source>
      <translation>New household</translation>
    </message>
    <message>
      <source>导入花名册…</source>
      <translation>Import roster…</translation>
    </message>
    <message>
      <source>花名册模板…</source>
      <translation>Roster template…</translation>
    </message>
    <message>
      <source>一行一人：村/社区、网格、户号、地址、姓名、与户主关系、身份证号、手机号等</source>
      <translation>One person a row: village, grid, household no., address, name, relation to head, ID number, mobile …</translation>
    </message>
    <message>
      <source>导出…</source>
      <translation>Export…</translation>
    </message>
    <message>
      <source>户号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>户主</source>
      <translation>Head</translation>
    </message>
    <message>
      <source>人数</source>
      <translation>People</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>导出住户</source>
      <translation>Export households</translation>
    </message>
    <message>
      <source>住户花名册.xlsx</source>
      <translation>households.xlsx</translation>
    </message>
    <message>
      <source>正在导出…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>下载花名册模板</source>
      <translation>Download roster template</translation>
    </message>
    <message>
      <source>花名册模板.xlsx</source>
      <translation>roster-template.xlsx</translation>
    </message>
    <message>
      <source>模板已保存到 {0}。按示例一行填一人，填好后点“导入花名册…”。</source>
      <translation>Template saved to {0}. Fill in one person a row as in the example, then click “Import roster…”.</translation>
    </message>
    <message>
      <source>导入花名册</source>
      <translation>Import roster</translation>
    </message>
    <message>
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>匹配</source>
      <translation>Matched</translation>
    </message>
    <message>
      <source>正在搜索…</source>
      <translation>Searching…</translation>
    </message>
    <message>
      <source>没有找到住户。换个关键字，或点“新增住户”“导入花名册…”登记。</source>
      <translation>No households found. Try other words, or register one with “New household” or “Import roster…”.</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 户</source>
      <translation>
        <numerusform>%n household</numerusform>
        <numerusform>%n households</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>已导出 %n 户到 {0}</source>
      <translation>
        <numerusform>Exported %n household to {0}</numerusform>
        <numerusform>Exported %n households to {0}</numerusform>
      </translation>
    </message>
    <message>
      <source>正在导入…</source>
      <translation>Importing…</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <source>导入结果</source>
      <translation>Import result</translation>
    </message>
    <message>
      <source>导入 {0} 行：新建 {1} 户、{2} 人，更新 {3} 户、{4} 人；未导入 {5} 行。</source>
      <translation>Imported {0} rows: {1} households and {2} persons created, {3} households and {4} persons updated; {5} rows not imported.</translation>
    </message>
    <message>
      <source>行号</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>字段</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>未导入的行已写入 {0}，修改后可再次导入。</source>
      <translation>The rows not imported were written to {0}; fix them there and import that file.</translation>
    </message>
  </context>
  <context>
    <name>KeyPersonsDialog</name>
    <message>
      <source>重点人员</source>
      <translation>Key persons</translation>
    </message>
    <message>
      <source>重点人员 待走访</source>
      <translation>Key persons due a contact</translation>
    </message>
    <message>
      <source>正在读取…</source>
      <translation>Reading…</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>包保责任人</source>
      <translation>Person responsible</translation>
    </message>
    <message>
      <source>频次</source>
      <translation>Every</translation>
    </message>
    <message>
      <source>上次走访</source>
      <translation>Last contact</translation>
    </message>
    <message>
      <source>应走访日期</source>
      <translation>Contact due</translation>
    </message>
    <message>
      <source>没有到期待走访的重点人员。</source>
      <translation>No key person is due a contact.</translation>
    </message>
    <message>
      <source>稳控方案…</source>
      <translation>Watch plan…</translation>
    </message>
    <message>
      <source>记录走访…</source>
      <translation>Record a contact…</translation>
    </message>
    <message>
      <source>解除列管…</source>
      <translation>End monitoring…</translation>
    </message>
    <message>
      <source>共 {0} 名重点人员到期待走访，其中 {1} 名已逾期</source>
      <translation>{0} key persons due a contact, {1} of them overdue</translation>
    </message>
    <message>
      <source>共 {0} 名重点人员，其中 {1} 名有在办事项，{2} 名走访已逾期</source>
      <translation>{0} key persons, {1} with open matters, {2} overdue a contact</translation>
    </message>
    <message>
      <source>（逾期{0}天）</source>
      <translation> ({0} days overdue)</translation>
    </message>
    <message>
      <source>（未定方案）</source>
      <translation>(no plan yet)</translation>
    </message>
    <message>
      <source>{0}天</source>
      <translation>{0} days</translation>
    </message>
    <message>
      <source>{0}：还没有走访记录</source>
      <translation>{0}: no visits recorded yet</translation>
    </message>
    <message>
      <source>{0} {1}（{2}）：{3}</source>
      <translation>{0} {1} ({2}): {3}</translation>
    </message>
    <message>
      <source>（另有 {0} 次更早的走访）</source>
      <translation>({0} earlier visits not shown)</translation>
    </message>
    <message>
      <source>{0} 的走访记录：</source>
      <translation>Visits to {0}:</translation>
    </message>
    <message>
      <source>解除 {0} 的列管？稳控方案到今天为止，不再提醒走访。</source>
      <translation>End the monitoring of {0}? The plan ends today and no more visits will be due.</translation>
    </message>
    <message>
      <source>解除列管</source>
      <translation>End monitoring</translation>
    </message>
    <message>
      <source>手机号</source>
      <translation>Mobile</translation>
    </message>
    <message>
      <source>在办事项</source>
      <translation>Open matters</translation>
    </message>
    <message>
      <source>相关事项</source>
      <translation>Matters</translation>
    </message>
    <message>
      <source>没有列为重点人员的居民。在居民信息里勾选“重点人员”即可列入。</source>
      <translation>No residents are listed as key persons. Tick “Key person” in a resident’s details to list one.</translation>
    </message>
    <message>
      <source>没有列为重点人员的居民。在居民信息中勾选“列为重点人员”即可加入。</source>
      <translation>No resident is listed as a key person. Tick "List as key person" on a resident to add one.</translation>
    </message>
  </context>
  <context>
    <name>LedgerPage</name>
    <message>
      <source>搜索编号、标题、事实、当事人…</source>
      <translation>Search serial, title, facts, parties…</translation>
    </message>
    <message>
      <source>全部状态</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>全部星级</source>
      <translation>All grades</translation>
    </message>
    <message>
      <source>全部风险</source>
      <translation>All risks</translation>
    </message>
    <message>
      <source>全部来源</source>
      <translation>All sources</translation>
    </message>
    <message>
      <source>全部类别</source>
      <translation>All categories</translation>
    </message>
    <message>
      <source>全部村（社区）</source>
      <translation>All villages</translation>
    </message>
    <message>
      <source>全部网格</source>
      <translation>All grids</translation>
    </message>
    <message>
      <source>全部承办</source>
      <translation>All handlers</translation>
    </message>
    <message>
      <source>全部期限</source>
      <translation>All deadlines</translation>
    </message>
    <message>
      <source>正常</source>
      <translation>On time</translation>
    </message>
    <message>
      <source>临期</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <source>超期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>上报日期</source>
      <translation>Reported between</translation>
    </message>
    <message>
      <source>只看重复件</source>
      <translation>Repeat orders only</translation>
    </message>
    <message>
      <source>督办件</source>
      <translation>Supervised</translation>
    </message>
    <message>
      <source>风险预警（易激化）</source>
      <translation>Risk warnings (may flare up)</translation>
    </message>
    <message>
      <source>我包的案</source>
      <translation>My cases</translation>
    </message>
    <message>
      <source>全部事项</source>
      <translation>All matters</translation>
    </message>
    <message>
      <source>清除</source>
      <translation>Clear</translation>
    </message>
    <message>
      <source>上报事项</source>
      <translation>Report a matter</translation>
    </message>
    <message>
      <source>导出台账…</source>
      <translation>Export ledger…</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>Serial</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>星级</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>期限</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>风险</source>
      <translation>Risk</translation>
    </message>
    <message>
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>层级</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>承办</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>督办/包案</source>
      <translation>Supervision / leader</translation>
    </message>
    <message>
      <source>上报时间</source>
      <translation>Reported</translation>
    </message>
    <message>
      <source>乡镇</source>
      <translation>Township</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 件</source>
      <translation>
        <numerusform>%n matter</numerusform>
        <numerusform>%n matters</numerusform>
      </translation>
    </message>
    <message>
      <source>没有符合条件的事项。放宽筛选条件。</source>
      <translation>No matters match. Widen the filters.</translation>
    </message>
    <message>
      <source>没有符合条件的事项。放宽筛选条件，或点“上报事项”登记一件。</source>
      <translation>No matters match. Loosen the filters, or click “Report a matter” to record one.</translation>
    </message>
    <message>
      <source>工作台：{0}</source>
      <translation>From the desk: {0}</translation>
    </message>
    <message numerus="yes">
      <source>已导出 %n 件事项到 {0}</source>
      <translation>
        <numerusform>Exported %n matter to {0}</numerusform>
        <numerusform>Exported %n matters to {0}</numerusform>
      </translation>
    </message>
    <message>
      <source>督办{0}次</source>
      <translation>Supervised {0}×</translation>
    </message>
    <message>
      <source>包案：{0}</source>
      <translation>Leader: {0}</translation>
    </message>
    <message>
      <source>导出台账</source>
      <translation>Export ledger</translation>
    </message>
    <message>
      <source>矛盾纠纷台账.xlsx</source>
      <translation>ledger.xlsx</translation>
    </message>
    <message>
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>正在导出…</source>
      <translation>Exporting…</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>枫桥 · 登录</source>
      <translation>Fengqiao · Sign in</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <source>从备份恢复…</source>
      <translation>Restore from a backup…</translation>
    </message>
    <message>
      <source>账号</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>枫桥 矛盾纠纷多元化解</source>
      <translation>Fengqiao dispute resolution</translation>
    </message>
    <message>
      <source>数据库：{0}</source>
      <translation>Database: {0}</translation>
    </message>
    <message>
      <source>请输入账号和密码</source>
      <translation>Enter account and password</translation>
    </message>
    <message>
      <source>正在解锁数据库…</source>
      <translation>Unlocking the database…</translation>
    </message>
    <message>
      <source>正在从备份恢复…</source>
      <translation>Restoring from the backup…</translation>
    </message>
    <message>
      <source>已从备份恢复，请登录。</source>
      <translation>Restored from the backup; please sign in.</translation>
    </message>
    <message>
      <source>
无法读取的原文件已移到 {0}。</source>
      <translation>
The unreadable original file was moved to {0}.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>县综治中心</source>
      <translation>County centre (县综治中心)</translation>
    </message>
    <message>
      <source>枫桥 · {0}</source>
      <translation>Fengqiao · {0}</translation>
    </message>
    <message>
      <source>审计日志</source>
      <translation>Audit log</translation>
    </message>
    <message>
      <source>工作台</source>
      <translation>Work desk</translation>
    </message>
    <message>
      <source>住户</source>
      <translation>Households</translation>
    </message>
    <message>
      <source>走访</source>
      <translation>Visits</translation>
    </message>
    <message>
      <source>矛盾纠纷台账</source>
      <translation>Ledger</translation>
    </message>
    <message>
      <source>调解</source>
      <translation>Mediation</translation>
    </message>
    <message>
      <source>统计</source>
      <translation>Statistics</translation>
    </message>
    <message>
      <source>设置</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>{0}（{1}）</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <source>范围：{0}</source>
      <translation>Scope: {0}</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>工作</source>
      <translation>Work</translation>
    </message>
    <message>
      <source>同步</source>
      <translation>Sync</translation>
    </message>
    <message>
      <source>帮助</source>
      <translation>Help</translation>
    </message>
    <message>
      <source>登记走访</source>
      <translation>Log a visit</translation>
    </message>
    <message>
      <source>上报事项</source>
      <translation>Report a matter</translation>
    </message>
    <message>
      <source>巡查记录…</source>
      <translation>Patrol log…</translation>
    </message>
    <message>
      <source>搜索</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>立即同步</source>
      <translation>Sync now</translation>
    </message>
    <message>
      <source>服务器设置…</source>
      <translation>Server settings…</translation>
    </message>
    <message>
      <source>冲突与被拒的修改…</source>
      <translation>Conflicts and rejected edits…</translation>
    </message>
    <message>
      <source>导出离线同步包…</source>
      <translation>Export an offline sync bundle…</translation>
    </message>
    <message>
      <source>导入离线同步包…</source>
      <translation>Import an offline sync bundle…</translation>
    </message>
    <message>
      <source>备份本机数据…</source>
      <translation>Back up this laptop…</translation>
    </message>
    <message>
      <source>从备份恢复…</source>
      <translation>Restore from a backup…</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>关于枫桥</source>
      <translation>About Fengqiao</translation>
    </message>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from a backup</translation>
    </message>
    <message>
      <source>正在同步，请等同步结束后再恢复。</source>
      <translation>A sync is running; please restore when it has finished.</translation>
    </message>
    <message>
      <source>&lt;h3&gt;枫桥 {0}&lt;/h3&gt;&lt;p&gt;构建：{1}&lt;br&gt;数据库结构版本：{2}&lt;br&gt;数据库：{3}&lt;br&gt;数据文件夹：{4}&lt;br&gt;日志：{5}&lt;/p&gt;&lt;p&gt;本软件使用以下开源库，各依其许可证；Qt 依 LGPL-3.0 动态链接，可替换。&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Fengqiao {0}&lt;/h3&gt;&lt;p&gt;Build: {1}&lt;br&gt;Database schema: {2}&lt;br&gt;Database: {3}&lt;br&gt;Data folder: {4}&lt;br&gt;Log: {5}&lt;/p&gt;&lt;p&gt;This software uses the following open-source libraries, each under its licence; Qt is linked dynamically under the LGPL-3.0 and can be replaced.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>MarkDialog</name>
    <message>
      <source>亮点赋分/通报/约谈</source>
      <translation>Highlight points / notice / interview</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>对象</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>加分</source>
      <translation>Points</translation>
    </message>
    <message>
      <source>事由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>请写明理由</source>
      <translation>Write the reason</translation>
    </message>
  </context>
  <context>
    <name>MatterDialog</name>
    <message>
      <source>事项详情</source>
      <translation>Matter</translation>
    </message>
  </context>
  <context>
    <name>MatterView</name>
    <message>
      <source>请选择一件事项</source>
      <translation>Select a matter</translation>
    </message>
    <message>
      <source>打印文书</source>
      <translation>Print papers</translation>
    </message>
    <message>
      <source>添加照片或扫描件…</source>
      <translation>Add photo or scan…</translation>
    </message>
    <message>
      <source>基本情况</source>
      <translation>Facts</translation>
    </message>
    <message>
      <source>流转记录</source>
      <translation>Timeline</translation>
    </message>
    <message>
      <source>变更协议…</source>
      <translation>Amend agreement…</translation>
    </message>
    <message>
      <source>调解与协议</source>
      <translation>Mediation and agreement</translation>
    </message>
    <message>
      <source>回访</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>附件</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <source>事实经过</source>
      <translation>Facts</translation>
    </message>
    <message>
      <source>发生时间地点</source>
      <translation>When and where</translation>
    </message>
    <message>
      <source>当事人</source>
      <translation>Parties</translation>
    </message>
    <message>
      <source>涉及人数</source>
      <translation>People involved</translation>
    </message>
    <message>
      <source>涉及金额</source>
      <translation>Amount involved</translation>
    </message>
    <message>
      <source>元</source>
      <translation>yuan</translation>
    </message>
    <message>
      <source>生效</source>
      <translation>In effect</translation>
    </message>
    <message>
      <source>司法确认申请截止</source>
      <translation>Judicial confirmation by</translation>
    </message>
    <message>
      <source>事实与责任</source>
      <translation>Facts and responsibility</translation>
    </message>
    <message>
      <source>协议内容</source>
      <translation>Terms</translation>
    </message>
    <message>
      <source>履行</source>
      <translation>Performance</translation>
    </message>
    <message>
      <source>调解记录</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>调查记录</source>
      <translation>Investigations</translation>
    </message>
    <message>
      <source>调解协议</source>
      <translation>Agreement</translation>
    </message>
    <message>
      <source>有反弹迹象</source>
      <translation>signs of relapse</translation>
    </message>
    <message>
      <source>办结结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>书面协议</source>
      <translation>Written agreement</translation>
    </message>
    <message>
      <source>口头协议</source>
      <translation>Oral agreement</translation>
    </message>
    <message>
      <source>未生效</source>
      <translation>not yet</translation>
    </message>
    <message>
      <source>已被变更协议取代</source>
      <translation>Replaced by an amended agreement</translation>
    </message>
    <message>
      <source>已向{0}申请司法确认（{1}）</source>
      <translation>Judicial confirmation applied for at {0} ({1})</translation>
    </message>
    <message>
      <source>司法确认：{0}，{1}（{2}）</source>
      <translation>Judicial confirmation: {0}, {1} ({2})</translation>
    </message>
    <message>
      <source>信访事项</source>
      <translation>Petition</translation>
    </message>
    <message>
      <source>矛盾纠纷</source>
      <translation>Dispute</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>期限</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>承办</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>风险</source>
      <translation>Risk</translation>
    </message>
    <message>
      <source>层级</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>村/网格</source>
      <translation>Village/grid</translation>
    </message>
    <message>
      <source>补充信息</source>
      <translation>Complete details</translation>
    </message>
    <message>
      <source>（交{0}）</source>
      <translation> (to {0})</translation>
    </message>
    <message>
      <source>（落实期限{0}天）</source>
      <translation> (deadline {0} days)</translation>
    </message>
    <message>
      <source>{0}（等待同步）</source>
      <translation>{0} (waiting for sync)</translation>
    </message>
    <message>
      <source>风险等级由 {0} 降为 {1}（{2}：{3}），待领导确认</source>
      <translation>Risk level lowered from {0} to {1} ({2}: {3}); awaiting a leader's confirmation</translation>
    </message>
    <message>
      <source>，待超期说明</source>
      <translation>, explanation due</translation>
    </message>
    <message>
      <source>督办{0}次</source>
      <translation>Supervised {0}×</translation>
    </message>
    <message>
      <source>包案领导：{0}</source>
      <translation>Leader in charge: {0}</translation>
    </message>
    <message>
      <source>外部工单号：{0}</source>
      <translation>Hotline order: {0}</translation>
    </message>
    <message>
      <source>卷宗已归档</source>
      <translation>Dossier filed</translation>
    </message>
    <message>
      <source>收到 {0}，期限 {1}</source>
      <translation>received {0}, due {1}</translation>
    </message>
    <message>
      <source>已反馈：{0}（{1}，{2}）</source>
      <translation>answered: {0} ({1}, {2})</translation>
    </message>
    <message>
      <source>尚未反馈结果</source>
      <translation>result not yet sent back</translation>
    </message>
    <message>
      <source>信访阶段：{0}</source>
      <translation>Petition stage: {0}</translation>
    </message>
    <message>
      <source>代办人：{0}（信访代办）</source>
      <translation>Filed on the petitioner's behalf by: {0}</translation>
    </message>
    <message>
      <source>{0} 起，{1} 前</source>
      <translation>from {0}, by {1}</translation>
    </message>
    <message>
      <source>{0} 已办（逾期）</source>
      <translation>done {0} (late)</translation>
    </message>
    <message>
      <source>{0} 已办</source>
      <translation>done {0}</translation>
    </message>
    <message>
      <source>待信访人提出</source>
      <translation>up to the petitioner</translation>
    </message>
    <message>
      <source>主工单</source>
      <translation>Primary order</translation>
    </message>
    <message>
      <source>重复件</source>
      <translation>Repeats</translation>
    </message>
    <message>
      <source>销号回复</source>
      <translation>Reply to the hotline</translation>
    </message>
    <message>
      <source>标为其重复件</source>
      <translation>Mark as its repeat</translation>
    </message>
    <message>
      <source>可能的重复工单</source>
      <translation>Possible repeat orders</translation>
    </message>
    <message>
      <source>与 {0} 为同一诉求</source>
      <translation>Same request as {0}</translation>
    </message>
    <message>
      <source>须先{0}，之后可提级报送{1}</source>
      <translation>{0} first, then it can be escalated to {1}</translation>
    </message>
    <message>
      <source>添加附件</source>
      <translation>Add attachment</translation>
    </message>
    <message>
      <source>图片和扫描件 (*.png *.jpg *.jpeg *.pdf);;所有文件 (*)</source>
      <translation>Photos and scans (*.png *.jpg *.jpeg *.pdf);;All files (*)</translation>
    </message>
  </context>
  <context>
    <name>MediationPage</name>
    <message>
      <source>编号</source>
      <translation>Serial</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>星级</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>期限</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>承办</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>没有交给您办理的事项。认领工单或等平台交办后，会出现在这里。</source>
      <translation>Nothing is assigned to you. Matters you claim or are dispatched appear here.</translation>
    </message>
    <message>
      <source>没有待认领的工单。</source>
      <translation>No orders are open for claim.</translation>
    </message>
    <message>
      <source>我承办的</source>
      <translation>Mine</translation>
    </message>
    <message>
      <source>待认领工单</source>
      <translation>Orders to claim</translation>
    </message>
  </context>
  <context>
    <name>PagedTable</name>
    <message>
      <source>右键点击表头，选择显示哪些列</source>
      <translation>Right-click the header to choose the columns shown</translation>
    </message>
  </context>
  <context>
    <name>PaperDialog</name>
    <message>
      <source>打印预览…</source>
      <translation>Print preview…</translation>
    </message>
    <message>
      <source>保存为 PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <source>保存为 Word…</source>
      <translation>Save as Word…</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>正在生成…</source>
      <translation>Generating…</translation>
    </message>
    <message>
      <source>请在“基本情况”中点当事人后的“补充信息”，或在相应环节补录后再打印。</source>
      <translation>Use “Complete details” beside a party under “Overview”, or record the missing step, then print again.</translation>
    </message>
    <message>
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Word 文档 (*.docx)</source>
      <translation>Word documents (*.docx)</translation>
    </message>
    <message>
      <source>保存文书</source>
      <translation>Save paper</translation>
    </message>
    <message>
      <source>无法保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>已保存到 {0}</source>
      <translation>Saved to {0}</translation>
    </message>
  </context>
  <context>
    <name>PartyDialog</name>
    <message>
      <source>当事人信息</source>
      <translation>Party details</translation>
    </message>
    <message>
      <source>无法保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <source>当事人姓名</source>
      <translation>Party name</translation>
    </message>
    <message>
      <source>当事人角色</source>
      <translation>Party role</translation>
    </message>
    <message>
      <source>当事人身份证号</source>
      <translation>Party ID number</translation>
    </message>
    <message>
      <source>当事人电话</source>
      <translation>Party phone</translation>
    </message>
    <message>
      <source>民族</source>
      <translation>Ethnicity</translation>
    </message>
    <message>
      <source>职业或工作单位</source>
      <translation>Occupation or employer</translation>
    </message>
    <message>
      <source>住所</source>
      <translation>Address</translation>
    </message>
  </context>
  <context>
    <name>PatrolDialog</name>
    <message>
      <source>记录巡查</source>
      <translation>Record a patrol</translation>
    </message>
    <message>
      <source>如：村东公路桥、某某小区建筑工地、河堤北段</source>
      <translation>e.g. the road bridge east of the village, a building site, the north river bank</translation>
    </message>
    <message>
      <source>需要跟进</source>
      <translation>Needs following up</translation>
    </message>
    <message>
      <source>村（社区）</source>
      <translation>Village (community)</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>巡查地点</source>
      <translation>Place patrolled</translation>
    </message>
    <message>
      <source>地点类型</source>
      <translation>Kind of place</translation>
    </message>
    <message>
      <source>巡查时间</source>
      <translation>Time of patrol</translation>
    </message>
    <message>
      <source>发现情况</source>
      <translation>What was seen</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>（不指定）</source>
      <translation>(none)</translation>
    </message>
  </context>
  <context>
    <name>PatrolsDialog</name>
    <message>
      <source>巡查记录</source>
      <translation>Patrol log</translation>
    </message>
    <message>
      <source>正在读取…</source>
      <translation>Reading…</translation>
    </message>
    <message>
      <source>巡查时间</source>
      <translation>Time of patrol</translation>
    </message>
    <message>
      <source>巡查人</source>
      <translation>Patrolled by</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>发现情况</source>
      <translation>What was seen</translation>
    </message>
    <message>
      <source>照片</source>
      <translation>Photos</translation>
    </message>
    <message>
      <source>上报的事项</source>
      <translation>Matters reported</translation>
    </message>
    <message>
      <source>还没有巡查记录。点“记录巡查…”登记一次。</source>
      <translation>No patrol yet. Click “Record a patrol…” to enter one.</translation>
    </message>
    <message>
      <source>记录巡查…</source>
      <translation>Record a patrol…</translation>
    </message>
    <message>
      <source>添加照片…</source>
      <translation>Add a photo…</translation>
    </message>
    <message>
      <source>发现矛盾，上报事项…</source>
      <translation>Found a dispute: report a matter…</translation>
    </message>
    <message>
      <source>共 {0} 次巡查，其中 {1} 次需要跟进</source>
      <translation>{0} patrols, {1} of them to follow up</translation>
    </message>
    <message>
      <source>选择照片</source>
      <translation>Choose a photo</translation>
    </message>
    <message>
      <source>图片 (*.png *.jpg *.jpeg *.bmp);;所有文件 (*)</source>
      <translation>Pictures (*.png *.jpg *.jpeg *.bmp);;All files (*)</translation>
    </message>
  </context>
  <context>
    <name>PersonDialog</name>
    <message>
      <source>登记居民</source>
      <translation>Resident</translation>
    </message>
    <message>
      <source>修改居民信息</source>
      <translation>Edit resident</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>性别</source>
      <translation>Sex</translation>
    </message>
    <message>
      <source>民族</source>
      <translation>Ethnicity</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>手机号</source>
      <translation>Mobile</translation>
    </message>
    <message>
      <source>与户主关系</source>
      <translation>Relation to head</translation>
    </message>
    <message>
      <source>备注</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>重点人员</source>
      <translation>Key persons</translation>
    </message>
    <message>
      <source>列为重点人员（稳控对象）</source>
      <translation>List as key person (steady watch)</translation>
    </message>
  </context>
  <context>
    <name>PlanDialog</name>
    <message>
      <source>稳控方案 — {0}</source>
      <translation>Watch plan — {0}</translation>
    </message>
    <message>
      <source>（请选择）</source>
      <translation>(choose)</translation>
    </message>
    <message>
      <source> 天</source>
      <translation> days</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>包保责任人</source>
      <translation>Person responsible</translation>
    </message>
    <message>
      <source>稳控措施</source>
      <translation>Watch measures</translation>
    </message>
    <message>
      <source>走访频次（天）</source>
      <translation>Contact every (days)</translation>
    </message>
    <message>
      <source>列管日期</source>
      <translation>Watched since</translation>
    </message>
    <message>
      <source>保存方案</source>
      <translation>Save plan</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <source>上报矛盾纠纷</source>
      <translation>Report a dispute</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>矛盾纠纷</source>
      <translation>Dispute</translation>
    </message>
    <message>
      <source>信访事项</source>
      <translation>Petition</translation>
    </message>
    <message>
      <source>信访代办</source>
      <translation>Filing on behalf</translation>
    </message>
    <message>
      <source>由我代信访人提出（代办人）</source>
      <translation>I file it on the petitioner's behalf</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>12345、首发平台等的工单号（如有）</source>
      <translation>Order number from 12345 etc. (if any)</translation>
    </message>
    <message>
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>发生地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>事实经过</source>
      <translation>Facts</translation>
    </message>
    <message>
      <source>涉及人数</source>
      <translation>People involved</translation>
    </message>
    <message>
      <source>涉及金额</source>
      <translation>Amount involved</translation>
    </message>
    <message>
      <source> 元</source>
      <translation> yuan</translation>
    </message>
    <message>
      <source>风险信号</source>
      <translation>Risk signals</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>添加当事人</source>
      <translation>Add party</translation>
    </message>
    <message>
      <source>添加为当事人</source>
      <translation>Add as party</translation>
    </message>
    <message>
      <source>本户成员</source>
      <translation>Household members</translation>
    </message>
    <message>
      <source>上报</source>
      <translation>Report</translation>
    </message>
    <message>
      <source>无法上报</source>
      <translation>Cannot report</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from a backup</translation>
    </message>
    <message>
      <source>恢复</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>恢复后需要重新登录。</source>
      <translation>After the restore you sign in again.</translation>
    </message>
    <message>
      <source>正在核对密码…</source>
      <translation>Checking the password…</translation>
    </message>
  </context>
  <context>
    <name>RestoreForm</name>
    <message>
      <source>U 盘或其他位置上的 .fqbak 文件</source>
      <translation>A .fqbak file on a USB stick or elsewhere</translation>
    </message>
    <message>
      <source>选择…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>备份文件</source>
      <translation>Backup file</translation>
    </message>
    <message>
      <source>账号</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>用备份时本机任一账号的密码恢复（网格员、调解员、平台办公室或管理员）。这台电脑上已有的数据会先移到 backups 文件夹保存，不会删除。</source>
      <translation>Restore with the password of any account the laptop had when it was backed up (grid worker, mediator, platform office or administrator). Data already on this computer is first moved to the backups folder, never deleted.</translation>
    </message>
    <message>
      <source>选择备份文件</source>
      <translation>Choose a backup file</translation>
    </message>
    <message>
      <source>请选择备份文件（找不到：{0}）</source>
      <translation>Please choose a backup file (not found: {0})</translation>
    </message>
    <message>
      <source>请输入备份中的账号和它的密码</source>
      <translation>Please enter an account from the backup and its password</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>界面</source>
      <translation>Interface</translation>
    </message>
    <message>
      <source>语言（重新启动后生效）</source>
      <translation>Language (after a restart)</translation>
    </message>
    <message>
      <source>账号</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>星级</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>承办</source>
      <translation>Handler</translation>
    </message>
    <message>
      <source>时限（天）</source>
      <translation>Days allowed</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>成员</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>职能部门（单位）</source>
      <translation>Unit (department)</translation>
    </message>
    <message>
      <source>调解队伍</source>
      <translation>Mediation team</translation>
    </message>
    <message>
      <source>名称，如 县法院、县公安局、县信访局、县人社局</source>
      <translation>Name, e.g. county court, county police bureau, county petitions bureau, county human resources bureau</translation>
    </message>
    <message>
      <source>名称，如 司法所、派出所、老干部调解队</source>
      <translation>Name, e.g. Justice Office, Police Station, Veterans' team</translation>
    </message>
    <message>
      <source>成员账号，用逗号分隔</source>
      <translation>Member accounts, separated by commas</translation>
    </message>
    <message>
      <source>添加单位或队伍</source>
      <translation>Add unit or team</translation>
    </message>
    <message>
      <source>把这些账号加入选中的单位或队伍</source>
      <translation>Add these accounts to the selected unit or team</translation>
    </message>
    <message>
      <source>从 Excel 导入…</source>
      <translation>Import from Excel…</translation>
    </message>
    <message>
      <source>设置选中单位的人民调解委员会（协议书印章、调解文书号）</source>
      <translation>Set the selected unit's people's mediation committee (agreement seal, mediation document number)</translation>
    </message>
    <message>
      <source>单位与队伍</source>
      <translation>Units and teams</translation>
    </message>
    <message>
      <source>村（社区）名称，如 新街村</source>
      <translation>Village name, e.g. 新街村</translation>
    </message>
    <message>
      <source>12位区划代码（可不填）</source>
      <translation>12-digit division code (optional)</translation>
    </message>
    <message>
      <source>人民调解委员会名称（不填则为“村名＋人民调解委员会”）</source>
      <translation>Mediation committee name (default: village name + 人民调解委员会)</translation>
    </message>
    <message>
      <source>网格名称</source>
      <translation>Grid name</translation>
    </message>
    <message>
      <source>大类/小类</source>
      <translation>Category/subcategory</translation>
    </message>
    <message>
      <source>新的来源渠道</source>
      <translation>New channel</translation>
    </message>
    <message>
      <source>村（社区）与调解委员会</source>
      <translation>Villages and mediation committees</translation>
    </message>
    <message>
      <source>添加村（社区）</source>
      <translation>Add village</translation>
    </message>
    <message>
      <source>重命名选中的村（社区）…</source>
      <translation>Rename selected village…</translation>
    </message>
    <message>
      <source>删除选中的村（社区）</source>
      <translation>Delete selected village</translation>
    </message>
    <message>
      <source>网格员</source>
      <translation>Grid worker</translation>
    </message>
    <message>
      <source>重命名选中的网格…</source>
      <translation>Rename selected grid…</translation>
    </message>
    <message>
      <source>删除选中的网格</source>
      <translation>Delete selected grid</translation>
    </message>
    <message>
      <source>星级与办理时限</source>
      <translation>Grades and time limits</translation>
    </message>
    <message>
      <source>保存星级表</source>
      <translation>Save the grade table</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>添加网格</source>
      <translation>Add grid</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>添加类别</source>
      <translation>Add category</translation>
    </message>
    <message>
      <source>来源渠道</source>
      <translation>Channels</translation>
    </message>
    <message>
      <source>添加渠道</source>
      <translation>Add channel</translation>
    </message>
    <message>
      <source>删除选中的渠道</source>
      <translation>Remove selected channels</translation>
    </message>
    <message>
      <source>内容（可用 {township} {village} {committee}，份数一项另可用 {copies}）</source>
      <translation>Wording (may use {township} {village} {committee}; the copies line also {copies})</translation>
    </message>
    <message>
      <source>其他设置由管理员或平台办公室维护。</source>
      <translation>Other settings are kept by the administrator or the platform office.</translation>
    </message>
    <message>
      <source>办理规则</source>
      <translation>Rules</translation>
    </message>
    <message>
      <source>项目</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>保存文书模板</source>
      <translation>Save paper templates</translation>
    </message>
    <message>
      <source>恢复默认措辞</source>
      <translation>Restore default wording</translation>
    </message>
    <message>
      <source>文书模板</source>
      <translation>Paper templates</translation>
    </message>
    <message>
      <source>职能部门</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>无法保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <source>节假日</source>
      <translation>Holidays</translation>
    </message>
    <message>
      <source>（暂不指定）</source>
      <translation>(not yet)</translation>
    </message>
    <message>
      <source>请先添加一个村（社区），网格建在村（社区）下</source>
      <translation>Add a village first: a grid belongs to a village</translation>
    </message>
    <message>
      <source>重命名村（社区）</source>
      <translation>Rename village</translation>
    </message>
    <message>
      <source>新名称：</source>
      <translation>New name:</translation>
    </message>
    <message>
      <source>重命名网格</source>
      <translation>Rename grid</translation>
    </message>
    <message>
      <source>请先在列表中选中一项</source>
      <translation>Select an entry in the list first</translation>
    </message>
    <message>
      <source>删除村（社区）</source>
      <translation>Delete village</translation>
    </message>
    <message>
      <source>删除村（社区）“{0}”及其人民调解委员会？还有住户、事项、网格或账号使用它时不能删除。</source>
      <translation>Delete the village “{0}” and its people's mediation committee? It cannot be deleted while households, matters, grids or accounts use it.</translation>
    </message>
    <message>
      <source>删除网格</source>
      <translation>Delete grid</translation>
    </message>
    <message>
      <source>删除网格“{0}”？还有住户、事项或账号使用它时不能删除。</source>
      <translation>Delete the grid “{0}”? It cannot be deleted while households, matters or accounts use it.</translation>
    </message>
    <message>
      <source>人民调解委员会名称（不填则由单位名称生成）</source>
      <translation>Mediation committee name (blank: made from the unit's name)</translation>
    </message>
    <message>
      <source>文书号简称，如 县司（不填则由单位名称生成）</source>
      <translation>Short name in document numbers, e.g. 县司 (blank: made from the unit's name)</translation>
    </message>
    <message>
      <source>文书号简称，如 芒新（不填则取镇、村首字）</source>
      <translation>Short name in document numbers, e.g. 芒新 (blank: first characters of township and village)</translation>
    </message>
    <message>
      <source>请先在表中选中一个单位或队伍</source>
      <translation>Select a unit or team in the table first</translation>
    </message>
    <message>
      <source>导入单位和队伍</source>
      <translation>Import units and teams</translation>
    </message>
    <message>
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>新建 {0} 个单位或队伍，加入成员 {1} 人。</source>
      <translation>{0} units or teams created, {1} members added.</translation>
    </message>
    <message>
      <source>第 {0} 行 {1}：{2}</source>
      <translation>Row {0} {1}: {2}</translation>
    </message>
    <message>
      <source>以下各行未导入：</source>
      <translation>These rows were not imported:</translation>
    </message>
    <message>
      <source>请填写类别，如“邻里/噪音”</source>
      <translation>Enter a category, e.g. “邻里/噪音”</translation>
    </message>
    <message>
      <source>删除来源渠道</source>
      <translation>Delete source channel</translation>
    </message>
    <message>
      <source>删除来源渠道“{0}”？已登记的事项保留原来源，新上报的事项不再能选它。</source>
      <translation>Delete the source channel “{0}”? Matters already recorded keep it; new reports can no longer choose it.</translation>
    </message>
    <message>
      <source>{0} 的时限应为正整数天数</source>
      <translation>The days for {0} must be a positive whole number</translation>
    </message>
    <message>
      <source>第 {0} 行的星级名称不能为空</source>
      <translation>The grade name in row {0} cannot be empty</translation>
    </message>
    <message>
      <source>语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>重新启动枫桥后使用新的语言。</source>
      <translation>Restart Fengqiao to use the new language.</translation>
    </message>
  </context>
  <context>
    <name>SetupDialog</name>
    <message>
      <source>枫桥 · 首次使用</source>
      <translation>Fengqiao · First start</translation>
    </message>
    <message>
      <source>加入乡镇服务器</source>
      <translation>Join a township server</translation>
    </message>
    <message>
      <source>新建乡镇</source>
      <translation>New township</translation>
    </message>
    <message>
      <source>打开已有数据库</source>
      <translation>Open a database</translation>
    </message>
    <message>
      <source>试用演示数据</source>
      <translation>Try the demo</translation>
    </message>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from a backup</translation>
    </message>
    <message>
      <source>开始</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>欢迎使用枫桥</source>
      <translation>Welcome to Fengqiao</translation>
    </message>
    <message>
      <source>管理员密码</source>
      <translation>Admin password</translation>
    </message>
    <message>
      <source>再输入一次</source>
      <translation>Once more</translation>
    </message>
    <message>
      <source>如：向城镇</source>
      <translation>e.g. Xiangcheng</translation>
    </message>
    <message>
      <source>12位统计用区划代码（可不填）</source>
      <translation>12-digit statistical division code (optional)</translation>
    </message>
    <message>
      <source>乡镇（街道）名称</source>
      <translation>Township (sub-district)</translation>
    </message>
    <message>
      <source>区划代码</source>
      <translation>Division code</translation>
    </message>
    <message>
      <source>选择文件…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <source>数据库文件</source>
      <translation>Database file</translation>
    </message>
    <message>
      <source>户数</source>
      <translation>Households</translation>
    </message>
    <message>
      <source>演示账号 admin、platform、mediator、lawyer、supervisor、leader、gw001 使用同一密码</source>
      <translation>Demo accounts admin, platform, mediator, lawyer, supervisor, leader and gw001 share one password</translation>
    </message>
    <message>
      <source>打开数据库</source>
      <translation>Open database</translation>
    </message>
    <message>
      <source>枫桥数据库 (*.db)</source>
      <translation>Fengqiao database (*.db)</translation>
    </message>
    <message>
      <source>找不到数据库文件：{0}</source>
      <translation>Database file not found: {0}</translation>
    </message>
    <message>
      <source>两次输入的密码不一致</source>
      <translation>The two passwords differ</translation>
    </message>
    <message>
      <source>正在取消，并删除未完成的数据库…</source>
      <translation>Cancelling, and removing the unfinished database…</translation>
    </message>
  </context>
  <context>
    <name>StatsPage</name>
    <message>
      <source>{0}月</source>
      <translation>Month {0}</translation>
    </message>
    <message>
      <source>第{0}季度</source>
      <translation>Q{0}</translation>
    </message>
    <message>
      <source>全年</source>
      <translation>Whole year</translation>
    </message>
    <message>
      <source>按村（社区）</source>
      <translation>By village</translation>
    </message>
    <message>
      <source>按网格</source>
      <translation>By grid</translation>
    </message>
    <message>
      <source>按单位</source>
      <translation>By unit</translation>
    </message>
    <message>
      <source>按队伍</source>
      <translation>By team</translation>
    </message>
    <message>
      <source>按承办单位/人</source>
      <translation>By handler</translation>
    </message>
    <message>
      <source>名次</source>
      <translation>Rank</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>立案</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>办结</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>化解率</source>
      <translation>Resolution rate</translation>
    </message>
    <message>
      <source>按期办结率</source>
      <translation>On-time rate</translation>
    </message>
    <message>
      <source>调解成功率</source>
      <translation>Mediation success</translation>
    </message>
    <message>
      <source>满意率</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <source>办结率</source>
      <translation>Completion rate</translation>
    </message>
    <message>
      <source>卷宗归档率</source>
      <translation>Dossiers filed</translation>
    </message>
    <message>
      <source>重复件</source>
      <translation>Repeats</translation>
    </message>
    <message>
      <source>群体性</source>
      <translation>Group</translation>
    </message>
    <message>
      <source>督办</source>
      <translation>Supervised</translation>
    </message>
    <message>
      <source>按来源</source>
      <translation>By source</translation>
    </message>
    <message>
      <source>按类别</source>
      <translation>By category</translation>
    </message>
    <message>
      <source>公式分</source>
      <translation>Formula score</translation>
    </message>
    <message>
      <source>亮点分</source>
      <translation>Highlight points</translation>
    </message>
    <message>
      <source>总分</source>
      <translation>Total score</translation>
    </message>
    <message>
      <source>回访率</source>
      <translation>Follow-up rate</translation>
    </message>
    <message>
      <source>防止民转刑</source>
      <translation>Crimes prevented</translation>
    </message>
    <message>
      <source>包案</source>
      <translation>Leader cases</translation>
    </message>
    <message>
      <source>提级</source>
      <translation>Escalated</translation>
    </message>
    <message>
      <source>信访及时受理率</source>
      <translation>Petitions decided in time</translation>
    </message>
    <message>
      <source>信访按期办结率</source>
      <translation>Petitions answered in time</translation>
    </message>
    <message>
      <source>信访群众满意率</source>
      <translation>Petitioner satisfaction</translation>
    </message>
    <message>
      <source>口径：</source>
      <translation>How counted: </translation>
    </message>
    <message>
      <source>。</source>
      <translation>. </translation>
    </message>
    <message>
      <source>本期没有亮点工作赋分、通报或约谈</source>
      <translation>No highlight points, notices or interviews this period</translation>
    </message>
    <message>
      <source>亮点赋分/通报/约谈…</source>
      <translation>Highlight points / notice / interview…</translation>
    </message>
    <message>
      <source>督考办：给某个村、网格或单位的亮点工作加分，或记录通报、约谈</source>
      <translation>Supervision office: give points for a village's, grid's or unit's highlight work, or record a notice or an interview</translation>
    </message>
    <message>
      <source>月结…</source>
      <translation>Close month…</translation>
    </message>
    <message>
      <source>发布本月的考核数据：此后本月的数据和报表固定不变，迟到的办理情况计入下一个月的调整</source>
      <translation>Publish this month's assessment: from then on its figures and reports stay fixed, and late work counts as an adjustment in the next month</translation>
    </message>
    <message>
      <source>导出考核报表…</source>
      <translation>Export assessment report…</translation>
    </message>
    <message>
      <source>按村、网格、单位和队伍的考核情况，PDF（含图表）或 Excel</source>
      <translation>The assessment by village, grid, unit and team, as PDF (with charts) or Excel</translation>
    </message>
    <message>
      <source>本期卷宗打包…</source>
      <translation>Pack this period’s dossiers…</translation>
    </message>
    <message>
      <source>本期办结事项的卷宗，每件一个 PDF，打包为 ZIP</source>
      <translation>The dossiers of the matters closed in this period, one PDF each, in a ZIP</translation>
    </message>
    <message>
      <source>年</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>{0}年度</source>
      <translation>{0}</translation>
    </message>
    <message>
      <source>{0}年第{1}季度</source>
      <translation>{0}-Q{1}</translation>
    </message>
    <message>
      <source>{0}年{1}月</source>
      <translation>{0}-{1:02d}</translation>
    </message>
    <message>
      <source>本期排查立案的事项中，到期末已化解的比例；未化解的计入分母；重复件只按首次工单计一次</source>
      <translation>Of the matters registered this period, the share resolved by the period's end; unresolved ones count in the denominator; a repeat order counts once, under its first order</translation>
    </message>
    <message>
      <source>本期立案的事项中，到期末已办结的比例</source>
      <translation>Of the matters registered this period, the share closed by the period's end</translation>
    </message>
    <message>
      <source>本期办结的事项中，在办结时有效的办理时限内办结的比例；期末仍超期未结的计为未按期</source>
      <translation>Of the matters closed this period, the share closed within the deadline in force when they closed; matters still open past their deadline at the period's end count as late</translation>
    </message>
    <message>
      <source>调解日期在本期的调解中，达成协议的比例</source>
      <translation>Of the mediation sessions held this period, the share that reached an agreement</translation>
    </message>
    <message>
      <source>回访日期在本期的回访中，满意和基本满意的比例</source>
      <translation>Of the follow-ups made this period, the share satisfied or mostly satisfied</translation>
    </message>
    <message>
      <source>本期办结并已化解的事项中，期末前已回访的比例</source>
      <translation>Of the matters closed as resolved this period, the share followed up by the period's end</translation>
    </message>
    <message>
      <source>有民转刑、械斗或非正常死亡苗头的事项，本期化解办结的件数</source>
      <translation>Matters with signs of turning criminal, of a fight or of an abnormal death, closed as resolved this period</translation>
    </message>
    <message>
      <source>本期办结的事项中，到期末卷宗已归档的比例</source>
      <translation>Of the matters closed this period, the share whose file was archived by the period's end</translation>
    </message>
    <message>
      <source>本期作出受理决定（受理、不予受理、转送）的信访事项中，自收到之日起15日内作出的比例</source>
      <translation>Of the petitions decided in the period (accepted, not accepted, forwarded), the share decided within 15 days of receipt</translation>
    </message>
    <message>
      <source>本期书面答复的信访事项中，在答复时有效的办理期限（60日，延期不超过30日）内答复的比例</source>
      <translation>Of the petitions answered in writing in the period, the share answered within the limit in force (60 days, extended by at most 30)</translation>
    </message>
    <message>
      <source>回访日期在本期的信访事项回访中，满意和基本满意的比例</source>
      <translation>Of the petitioners asked in the period, the share satisfied or mostly satisfied</translation>
    </message>
    <message>
      <source>各项比率按配置的权重加权；无数据的指标按配置不计入或计零分</source>
      <translation>Each rate is weighted as configured; a measure without data is left out or scored zero, as configured</translation>
    </message>
    <message>
      <source>督考办对亮点工作的人工赋分，列在公式分旁，不并入公式分</source>
      <translation>Points the supervision office gives for highlight work, shown beside the formula score, not folded into it</translation>
    </message>
    <message>
      <source>公式分＋亮点分；名次按总分排列</source>
      <translation>Formula score + highlight points; ranked by the total</translation>
    </message>
    <message>
      <source>月结</source>
      <translation>Close month</translation>
    </message>
    <message>
      <source>月结 {0} 后，本月的考核数据和报表将按现在的数据固定发布，不再变动；此后收到的属于本月的办理情况计入下一个月的调整。确定月结？</source>
      <translation>Once {0} is closed, this month's assessment figures and reports are published as they are now and never change; work about this month received later counts as an adjustment in the next month. Close the month?</translation>
    </message>
    <message>
      <source>已月结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>{0} 的考核数据已发布</source>
      <translation>The assessment of {0} is published</translation>
    </message>
    <message>
      <source>{0} 考核报表.pdf</source>
      <translation>{0} assessment report.pdf</translation>
    </message>
    <message>
      <source>导出考核报表</source>
      <translation>Export assessment report</translation>
    </message>
    <message>
      <source>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</source>
      <translation>PDF files (*.pdf);;Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>正在导出考核报表…</source>
      <translation>Exporting the assessment report…</translation>
    </message>
    <message>
      <source>{0} 卷宗.zip</source>
      <translation>{0} dossiers.zip</translation>
    </message>
    <message>
      <source>本期卷宗打包</source>
      <translation>Pack this period’s dossiers</translation>
    </message>
    <message>
      <source>ZIP 压缩包 (*.zip)</source>
      <translation>ZIP archives (*.zip)</translation>
    </message>
    <message>
      <source>正在生成卷宗…</source>
      <translation>Generating dossiers…</translation>
    </message>
    <message numerus="yes">
      <source>已把 %n 件事项的卷宗保存到 {0}</source>
      <translation>
        <numerusform>Saved the dossier of %n matter to {0}</numerusform>
        <numerusform>Saved the dossiers of %n matters to {0}</numerusform>
      </translation>
    </message>
    <message>
      <source>考核报表已保存到 {0}</source>
      <translation>Assessment report saved to {0}</translation>
    </message>
    <message>
      <source>已导出</source>
      <translation>Exported</translation>
    </message>
    <message>
      <source>本期计入的调整（属于已月结月份、在其后收到的办理情况；不计入上表排名）：
</source>
      <translation>Adjustments counted in this period (work about a closed month received after it closed; not in the ranking above):
</translation>
    </message>
    <message>
      <source>不排名</source>
      <translation>Unranked</translation>
    </message>
  </context>
  <context>
    <name>Tile</name>
    <message>
      <source>点击查看清单</source>
      <translation>Click to see the list</translation>
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <source>登记走访</source>
      <translation>Log a visit</translation>
    </message>
    <message>
      <source>走访户</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>户（搜索）</source>
      <translation>Household (search)</translation>
    </message>
    <message>
      <source>输入姓名、户号或地址</source>
      <translation>Type a name, household no. or address</translation>
    </message>
    <message>
      <source>走访时间</source>
      <translation>Visited at</translation>
    </message>
    <message>
      <source>走访目的</source>
      <translation>Purpose</translation>
    </message>
    <message>
      <source>走访情况</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>需要跟进</source>
      <translation>Needs follow-up</translation>
    </message>
    <message>
      <source>发现矛盾纠纷</source>
      <translation>Found a dispute</translation>
    </message>
    <message>
      <source>保存后填写上报表</source>
      <translation>fill in a report after saving</translation>
    </message>
    <message>
      <source>正在读取…</source>
      <translation>Reading…</translation>
    </message>
    <message>
      <source>（请在下面搜索并选中一户）</source>
      <translation>(search for a household below and select it)</translation>
    </message>
    <message>
      <source>请先搜索并选中一户</source>
      <translation>Search for a household and pick it first</translation>
    </message>
  </context>
  <context>
    <name>VisitsPage</name>
    <message>
      <source>走访日期</source>
      <translation>Visit date</translation>
    </message>
    <message>
      <source>只看需要跟进的</source>
      <translation>Needing follow-up only</translation>
    </message>
    <message>
      <source>登记走访 (Ctrl+N)</source>
      <translation>Log visit (Ctrl+N)</translation>
    </message>
    <message>
      <source>走访时间</source>
      <translation>Visited at</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>户号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>走访人</source>
      <translation>Visitor</translation>
    </message>
    <message>
      <source>目的</source>
      <translation>Purpose</translation>
    </message>
    <message>
      <source>跟进</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>需要跟进</source>
      <translation>Needs follow-up</translation>
    </message>
    <message>
      <source>走访情况</source>
      <translation>Findings</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 次走访</source>
      <translation>
        <numerusform>%n visit</numerusform>
        <numerusform>%n visits</numerusform>
      </translation>
    </message>
    <message>
      <source>没有符合条件的走访记录。</source>
      <translation>No visits match these filters.</translation>
    </message>
    <message>
      <source>全部村（社区）</source>
      <translation>All villages</translation>
    </message>
    <message>
      <source>全部网格</source>
      <translation>All grids</translation>
    </message>
  </context>
  <context>
    <name>labels</name>
    <message>
      <source>110警情</source>
      <translation>110 police call</translation>
    </message>
    <message>
      <source>12345热线</source>
      <translation>12345 hotline</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English</translation>
    </message>
    <message>
      <source>★ 一般</source>
      <translation>★ ordinary</translation>
    </message>
    <message>
      <source>★★ 复杂</source>
      <translation>★★ complex</translation>
    </message>
    <message>
      <source>★★★ 重大</source>
      <translation>★★★ major</translation>
    </message>
    <message>
      <source>一般</source>
      <translation>Ordinary</translation>
    </message>
    <message>
      <source>上报</source>
      <translation>Report</translation>
    </message>
    <message>
      <source>上级处理意见</source>
      <translation>Decision from above</translation>
    </message>
    <message>
      <source>上门走访</source>
      <translation>Home visit</translation>
    </message>
    <message>
      <source>下一步</source>
      <translation>Next step</translation>
    </message>
    <message>
      <source>不予受理</source>
      <translation>Not accepted</translation>
    </message>
    <message>
      <source>不予支持或未能解决（告知复查途径）</source>
      <translation>Not upheld or not resolved (review route explained)</translation>
    </message>
    <message>
      <source>不予立案</source>
      <translation>Not registered</translation>
    </message>
    <message>
      <source>不予立案的理由</source>
      <translation>Why it is not registered</translation>
    </message>
    <message>
      <source>不满意</source>
      <translation>Dissatisfied</translation>
    </message>
    <message>
      <source>中文（简体）</source>
      <translation>中文（简体）</translation>
    </message>
    <message>
      <source>中止/择期再调</source>
      <translation>Adjourned</translation>
    </message>
    <message>
      <source>临期</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <source>主工单编号</source>
      <translation>Serial of the primary matter</translation>
    </message>
    <message>
      <source>主要事实、争议事项及各方责任</source>
      <translation>Main facts, points in dispute, each party's responsibility</translation>
    </message>
    <message>
      <source>书面协议</source>
      <translation>Written agreement</translation>
    </message>
    <message>
      <source>书面答复（办结）</source>
      <translation>Written reply (close)</translation>
    </message>
    <message>
      <source>买卖合同</source>
      <translation>Sales contract</translation>
    </message>
    <message>
      <source>予以支持，诉求已解决</source>
      <translation>Upheld, request resolved</translation>
    </message>
    <message>
      <source>交下级落实</source>
      <translation>Send down to carry out</translation>
    </message>
    <message>
      <source>交办</source>
      <translation>Dispatch</translation>
    </message>
    <message>
      <source>交办单回执签收人（收回回执时填写）</source>
      <translation>Receipt signed by (when the dispatch slip's receipt is returned)</translation>
    </message>
    <message>
      <source>交办意见</source>
      <translation>Instructions</translation>
    </message>
    <message>
      <source>交通事故</source>
      <translation>Traffic accident</translation>
    </message>
    <message>
      <source>亮点工作赋分、通报和约谈</source>
      <translation>Highlight points, notices and interviews</translation>
    </message>
    <message>
      <source>人民调解</source>
      <translation>People's mediation</translation>
    </message>
    <message>
      <source>人身损害</source>
      <translation>Personal injury</translation>
    </message>
    <message>
      <source>代理人</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>份数</source>
      <translation>Copies</translation>
    </message>
    <message>
      <source>企业厂区</source>
      <translation>Factory grounds</translation>
    </message>
    <message>
      <source>住户信息</source>
      <translation>Household details</translation>
    </message>
    <message>
      <source>作出裁定的人民法院</source>
      <translation>Court that ruled</translation>
    </message>
    <message>
      <source>信息核实</source>
      <translation>Checking information</translation>
    </message>
    <message>
      <source>信访来信</source>
      <translation>Petition letter</translation>
    </message>
    <message>
      <source>信访来访</source>
      <translation>Petition visit</translation>
    </message>
    <message>
      <source>信访电话</source>
      <translation>Petition call</translation>
    </message>
    <message>
      <source>信访终结</source>
      <translation>Conclude petition</translation>
    </message>
    <message>
      <source>修改配置</source>
      <translation>change the configuration</translation>
    </message>
    <message>
      <source>借款</source>
      <translation>Loan</translation>
    </message>
    <message>
      <source>儿媳</source>
      <translation>Daughter-in-law</translation>
    </message>
    <message>
      <source>兄弟姐妹</source>
      <translation>Sibling</translation>
    </message>
    <message>
      <source>全镇</source>
      <translation>Whole township</translation>
    </message>
    <message>
      <source>公共场所</source>
      <translation>Public place</translation>
    </message>
    <message>
      <source>公安移送</source>
      <translation>Referred by police</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>其他方式化解</source>
      <translation>Resolved otherwise</translation>
    </message>
    <message>
      <source>刑满释放</source>
      <translation>Released from prison</translation>
    </message>
    <message>
      <source>办理中</source>
      <translation>Handling</translation>
    </message>
    <message>
      <source>办结</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>办结情况</source>
      <translation>How it was closed</translation>
    </message>
    <message>
      <source>办结结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>动物致害</source>
      <translation>Harm by animals</translation>
    </message>
    <message>
      <source>劳动争议</source>
      <translation>Labour dispute</translation>
    </message>
    <message>
      <source>劳动合同</source>
      <translation>Labour contract</translation>
    </message>
    <message>
      <source>包案说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>医疗</source>
      <translation>Medical</translation>
    </message>
    <message>
      <source>医疗损害</source>
      <translation>Medical harm</translation>
    </message>
    <message>
      <source>医疗费用</source>
      <translation>Medical costs</translation>
    </message>
    <message>
      <source>协议已履行</source>
      <translation>Agreement performed</translation>
    </message>
    <message>
      <source>协议形式</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>卷宗归档</source>
      <translation>File the dossier</translation>
    </message>
    <message>
      <source>县级</source>
      <translation>County</translation>
    </message>
    <message>
      <source>县级（提级和交办的事项）</source>
      <translation>County (escalated and sent-down matters)</translation>
    </message>
    <message>
      <source>参加人员</source>
      <translation>Attendees</translation>
    </message>
    <message>
      <source>及时受理率</source>
      <translation>Decided in time</translation>
    </message>
    <message>
      <source>反馈意见（回复函、反馈单的正文）</source>
      <translation>Reply (the text of the letter or slip)</translation>
    </message>
    <message>
      <source>反馈日期</source>
      <translation>Date answered</translation>
    </message>
    <message>
      <source>反馈时限（工作日，0为默认3个）</source>
      <translation>Reply within (working days, 0 for the default 3)</translation>
    </message>
    <message>
      <source>反馈联动结果</source>
      <translation>Send the result back</translation>
    </message>
    <message>
      <source>发布认领</source>
      <translation>Open for claim</translation>
    </message>
    <message>
      <source>发现反弹迹象</source>
      <translation>Signs of relapse</translation>
    </message>
    <message>
      <source>受理</source>
      <translation>Accept</translation>
    </message>
    <message>
      <source>受理的人民法院</source>
      <translation>Court applied to</translation>
    </message>
    <message>
      <source>变更属地</source>
      <translation>Change place</translation>
    </message>
    <message>
      <source>变更理由</source>
      <translation>Reason for the change</translation>
    </message>
    <message>
      <source>口头协议</source>
      <translation>Oral agreement</translation>
    </message>
    <message>
      <source>可化解</source>
      <translation>Resolvable</translation>
    </message>
    <message>
      <source>司法确认</source>
      <translation>Judicial confirmation</translation>
    </message>
    <message>
      <source>司法确认结果</source>
      <translation>Judicial confirmation ruling</translation>
    </message>
    <message>
      <source>司法调解</source>
      <translation>Judicial mediation</translation>
    </message>
    <message>
      <source>各方当事人已签名、盖章或按指印</source>
      <translation>Every party signed, sealed or fingerprinted</translation>
    </message>
    <message>
      <source>合作经营</source>
      <translation>Joint business</translation>
    </message>
    <message>
      <source>合同</source>
      <translation>Contract</translation>
    </message>
    <message>
      <source>合同其他</source>
      <translation>Other contract</translation>
    </message>
    <message>
      <source>同意延期</source>
      <translation>Approve the extension</translation>
    </message>
    <message>
      <source>商品质量</source>
      <translation>Product quality</translation>
    </message>
    <message>
      <source>噪声污染</source>
      <translation>Noise pollution</translation>
    </message>
    <message>
      <source>噪音</source>
      <translation>Noise</translation>
    </message>
    <message>
      <source>回流</source>
      <translation>Return to platform</translation>
    </message>
    <message>
      <source>回流理由</source>
      <translation>Why it is returned</translation>
    </message>
    <message>
      <source>回访</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>回访日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>土地承包</source>
      <translation>Land contracting</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>基本满意</source>
      <translation>Fairly satisfied</translation>
    </message>
    <message>
      <source>处理同步冲突</source>
      <translation>Settle a sync conflict</translation>
    </message>
    <message>
      <source>备份和恢复本机数据</source>
      <translation>back up and restore this laptop</translation>
    </message>
    <message>
      <source>复查中</source>
      <translation>Under review</translation>
    </message>
    <message>
      <source>复查意见</source>
      <translation>Review opinion</translation>
    </message>
    <message>
      <source>复查意见日期</source>
      <translation>Review opinion dated</translation>
    </message>
    <message>
      <source>复查申请日期</source>
      <translation>Review requested on</translation>
    </message>
    <message>
      <source>复核中</source>
      <translation>Under re-review</translation>
    </message>
    <message>
      <source>复核意见</source>
      <translation>Re-review opinion</translation>
    </message>
    <message>
      <source>复核意见日期</source>
      <translation>Re-review opinion dated</translation>
    </message>
    <message>
      <source>复核申请日期</source>
      <translation>Re-review requested on</translation>
    </message>
    <message>
      <source>女</source>
      <translation>Female</translation>
    </message>
    <message>
      <source>女婿</source>
      <translation>Son-in-law</translation>
    </message>
    <message>
      <source>委派法院</source>
      <translation>Entrusting court</translation>
    </message>
    <message>
      <source>委派调解</source>
      <translation>Court-entrusted mediation</translation>
    </message>
    <message>
      <source>婚姻</source>
      <translation>Marriage</translation>
    </message>
    <message>
      <source>婚姻家庭</source>
      <translation>Marriage and family</translation>
    </message>
    <message>
      <source>子</source>
      <translation>Son</translation>
    </message>
    <message>
      <source>孙子女</source>
      <translation>Grandchild</translation>
    </message>
    <message>
      <source>宅基地</source>
      <translation>Homestead</translation>
    </message>
    <message>
      <source>审批延期</source>
      <translation>Decide extension</translation>
    </message>
    <message>
      <source>审批意见</source>
      <translation>Decision note</translation>
    </message>
    <message>
      <source>审计员</source>
      <translation>Auditor</translation>
    </message>
    <message>
      <source>家庭其他</source>
      <translation>Other family</translation>
    </message>
    <message>
      <source>导出台账</source>
      <translation>export the ledger</translation>
    </message>
    <message>
      <source>导出未脱敏数据</source>
      <translation>export unmasked data</translation>
    </message>
    <message>
      <source>履行方式</source>
      <translation>How it is performed</translation>
    </message>
    <message>
      <source>履行期限</source>
      <translation>Perform by</translation>
    </message>
    <message>
      <source>山林土地</source>
      <translation>Forest and land</translation>
    </message>
    <message>
      <source>山林权属</source>
      <translation>Forest ownership</translation>
    </message>
    <message>
      <source>工伤</source>
      <translation>Work injury</translation>
    </message>
    <message>
      <source>已上报</source>
      <translation>Reported</translation>
    </message>
    <message>
      <source>已书面答复</source>
      <translation>Answered in writing</translation>
    </message>
    <message>
      <source>已办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>已告知信访人延期理由（信访事项须告知）</source>
      <translation>Petitioner told the reason (required for a petition)</translation>
    </message>
    <message>
      <source>已告知的法律途径（未化解时必填）</source>
      <translation>Legal channels the parties were told of (required when unresolved)</translation>
    </message>
    <message>
      <source>已回流</source>
      <translation>Returned</translation>
    </message>
    <message>
      <source>已回访</source>
      <translation>Followed up</translation>
    </message>
    <message>
      <source>已复查</source>
      <translation>Reviewed</translation>
    </message>
    <message>
      <source>已复核</source>
      <translation>Re-reviewed</translation>
    </message>
    <message>
      <source>已终结</source>
      <translation>Concluded</translation>
    </message>
    <message>
      <source>已转送</source>
      <translation>Forwarded</translation>
    </message>
    <message>
      <source>已销号</source>
      <translation>Checked</translation>
    </message>
    <message>
      <source>平台办公室</source>
      <translation>Platform office</translation>
    </message>
    <message>
      <source>延期天数</source>
      <translation>Days</translation>
    </message>
    <message>
      <source>延期理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>建房</source>
      <translation>House building</translation>
    </message>
    <message>
      <source>建筑工地</source>
      <translation>Building site</translation>
    </message>
    <message>
      <source>归档说明（卷宗号、存放位置）</source>
      <translation>Filing note (dossier number, where kept)</translation>
    </message>
    <message>
      <source>当事人</source>
      <translation>Parties</translation>
    </message>
    <message>
      <source>当事人申请</source>
      <translation>Party’s application</translation>
    </message>
    <message>
      <source>征地拆迁</source>
      <translation>Land requisition and demolition</translation>
    </message>
    <message>
      <source>征地补偿</source>
      <translation>Land requisition compensation</translation>
    </message>
    <message>
      <source>待交办</source>
      <translation>To dispatch</translation>
    </message>
    <message>
      <source>待签收</source>
      <translation>To accept</translation>
    </message>
    <message>
      <source>待认领</source>
      <translation>To claim</translation>
    </message>
    <message>
      <source>恢复办理</source>
      <translation>Resume</translation>
    </message>
    <message>
      <source>恢复办理的理由</source>
      <translation>Reason to resume</translation>
    </message>
    <message>
      <source>成员</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>户主</source>
      <translation>Head of household</translation>
    </message>
    <message>
      <source>户号</source>
      <translation>Household no.</translation>
    </message>
    <message>
      <source>房屋买卖</source>
      <translation>House sale</translation>
    </message>
    <message>
      <source>房屋宅基地</source>
      <translation>Housing and homestead</translation>
    </message>
    <message>
      <source>房屋租赁</source>
      <translation>House rental</translation>
    </message>
    <message>
      <source>手机号</source>
      <translation>Mobile</translation>
    </message>
    <message>
      <source>承办单位或承办人</source>
      <translation>Unit, team or person</translation>
    </message>
    <message>
      <source>承揽合同</source>
      <translation>Work contract</translation>
    </message>
    <message>
      <source>抚养</source>
      <translation>Child support</translation>
    </message>
    <message>
      <source>拆迁安置</source>
      <translation>Resettlement</translation>
    </message>
    <message>
      <source>挂牌</source>
      <translation>Listed (挂牌督办)</translation>
    </message>
    <message>
      <source>按期办结率</source>
      <translation>Closed on time</translation>
    </message>
    <message>
      <source>按超期天数</source>
      <translation>By days overdue</translation>
    </message>
    <message>
      <source>损害赔偿</source>
      <translation>Damages</translation>
    </message>
    <message>
      <source>排水</source>
      <translation>Drainage</translation>
    </message>
    <message>
      <source>接警编号</source>
      <translation>110 call number</translation>
    </message>
    <message>
      <source>提级理由</source>
      <translation>Reason to escalate</translation>
    </message>
    <message>
      <source>提级（报请上级）</source>
      <translation>Escalate (refer up)</translation>
    </message>
    <message>
      <source>收到日期</source>
      <translation>Date received</translation>
    </message>
    <message>
      <source>政策宣传</source>
      <translation>Explaining policy</translation>
    </message>
    <message>
      <source>文书号（如（2026）鲁1324民特12号）</source>
      <translation>Ruling number (e.g. (2026) Lu 1324 Min Te No. 12)</translation>
    </message>
    <message>
      <source>日常走访</source>
      <translation>Routine visit</translation>
    </message>
    <message>
      <source>易激化</source>
      <translation>May escalate</translation>
    </message>
    <message>
      <source>星级</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>更正事实</source>
      <translation>Correct facts</translation>
    </message>
    <message>
      <source>更正理由</source>
      <translation>Reason for the correction</translation>
    </message>
    <message>
      <source>月结（发布当月考核数据）</source>
      <translation>Close a month (publish its assessment)</translation>
    </message>
    <message>
      <source>服务纠纷</source>
      <translation>Service dispute</translation>
    </message>
    <message>
      <source>未化解</source>
      <translation>Unresolved</translation>
    </message>
    <message>
      <source>村级</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>村（社区）</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>极端倾向</source>
      <translation>Extreme tendencies</translation>
    </message>
    <message>
      <source>查看住户</source>
      <translation>view households</translation>
    </message>
    <message>
      <source>查看完整身份证号和电话</source>
      <translation>see full ID numbers and phones</translation>
    </message>
    <message>
      <source>查看矛盾纠纷</source>
      <translation>view matters</translation>
    </message>
    <message>
      <source>查阅审计日志</source>
      <translation>read the audit log</translation>
    </message>
    <message>
      <source>标记为重复件</source>
      <translation>Mark as repeat</translation>
    </message>
    <message>
      <source>核实意见</source>
      <translation>Verification note</translation>
    </message>
    <message>
      <source>核查意见</source>
      <translation>Check note</translation>
    </message>
    <message>
      <source>核查通过，予以销号</source>
      <translation>Check passed, close the file</translation>
    </message>
    <message>
      <source>核查销号</source>
      <translation>Check closure</translation>
    </message>
    <message>
      <source>械斗倾向</source>
      <translation>Risk of fights</translation>
    </message>
    <message>
      <source>欠薪</source>
      <translation>Unpaid wages</translation>
    </message>
    <message>
      <source>正常</source>
      <translation>On time</translation>
    </message>
    <message>
      <source>民转刑倾向</source>
      <translation>May turn criminal</translation>
    </message>
    <message>
      <source>水利灌溉</source>
      <translation>Irrigation</translation>
    </message>
    <message>
      <source>水污染</source>
      <translation>Water pollution</translation>
    </message>
    <message>
      <source>河道堤岸</source>
      <translation>River bank</translation>
    </message>
    <message>
      <source>法院期限或反馈期限</source>
      <translation>Court's or station's deadline</translation>
    </message>
    <message>
      <source>法院案号</source>
      <translation>Court case number</translation>
    </message>
    <message>
      <source>法院案号或接警编号</source>
      <translation>Court case number or 110 call number</translation>
    </message>
    <message>
      <source>法院移送</source>
      <translation>Referred by court</translation>
    </message>
    <message>
      <source>消费</source>
      <translation>Consumer</translation>
    </message>
    <message>
      <source>涉及人数</source>
      <translation>People involved</translation>
    </message>
    <message>
      <source>涉及金额（元）</source>
      <translation>Amount involved (yuan)</translation>
    </message>
    <message>
      <source>满意</source>
      <translation>Satisfied</translation>
    </message>
    <message>
      <source>满意度</source>
      <translation>Satisfaction</translation>
    </message>
    <message>
      <source>父母</source>
      <translation>Parent</translation>
    </message>
    <message>
      <source>物业</source>
      <translation>Property management</translation>
    </message>
    <message>
      <source>物业服务</source>
      <translation>Property services</translation>
    </message>
    <message>
      <source>物业费</source>
      <translation>Property fees</translation>
    </message>
    <message>
      <source>独居老人探访</source>
      <translation>Visiting an elder living alone</translation>
    </message>
    <message>
      <source>环境污染</source>
      <translation>Environmental pollution</translation>
    </message>
    <message>
      <source>生产经营</source>
      <translation>Production and business</translation>
    </message>
    <message>
      <source>生产经营其他</source>
      <translation>Other business</translation>
    </message>
    <message>
      <source>申请人</source>
      <translation>Applicant</translation>
    </message>
    <message>
      <source>申请司法确认</source>
      <translation>Apply for judicial confirmation</translation>
    </message>
    <message>
      <source>申请延期</source>
      <translation>Ask for extension</translation>
    </message>
    <message>
      <source>申请日期</source>
      <translation>Date applied</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>电话联系</source>
      <translation>Phone call</translation>
    </message>
    <message>
      <source>男</source>
      <translation>Male</translation>
    </message>
    <message>
      <source>登记和修改住户</source>
      <translation>register and edit households</translation>
    </message>
    <message>
      <source>登记复查申请</source>
      <translation>Record review request</translation>
    </message>
    <message>
      <source>登记复核申请</source>
      <translation>Record re-review request</translation>
    </message>
    <message>
      <source>登记联动移送</source>
      <translation>Record a referral</translation>
    </message>
    <message>
      <source>登记走访</source>
      <translation>log visits</translation>
    </message>
    <message>
      <source>相邻通行</source>
      <translation>Right of way</translation>
    </message>
    <message>
      <source>督办</source>
      <translation>Supervise</translation>
    </message>
    <message>
      <source>督办意见</source>
      <translation>Supervision note</translation>
    </message>
    <message>
      <source>督办级别</source>
      <translation>Supervision level</translation>
    </message>
    <message>
      <source>督考办</source>
      <translation>Supervision office</translation>
    </message>
    <message>
      <source>矛盾排查</source>
      <translation>Dispute screening</translation>
    </message>
    <message>
      <source>确认意见</source>
      <translation>Confirmation note</translation>
    </message>
    <message>
      <source>确认有效</source>
      <translation>Confirmed valid</translation>
    </message>
    <message>
      <source>确认风险等级</source>
      <translation>Confirm the risk level</translation>
    </message>
    <message>
      <source>社区矫正</source>
      <translation>Community correction</translation>
    </message>
    <message>
      <source>祖父母</source>
      <translation>Grandparent</translation>
    </message>
    <message>
      <source>种植养殖</source>
      <translation>Farming</translation>
    </message>
    <message>
      <source>移送法院</source>
      <translation>Referring court</translation>
    </message>
    <message>
      <source>移送法院或派出所</source>
      <translation>Referring court or police station</translation>
    </message>
    <message>
      <source>移送派出所</source>
      <translation>Referring police station</translation>
    </message>
    <message>
      <source>空气污染</source>
      <translation>Air pollution</translation>
    </message>
    <message>
      <source>立案定级</source>
      <translation>Register and grade</translation>
    </message>
    <message>
      <source>第三人</source>
      <translation>Third party</translation>
    </message>
    <message>
      <source>签收</source>
      <translation>Accept</translation>
    </message>
    <message>
      <source>签收意见</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>管理员</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>管理账号</source>
      <translation>manage accounts</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>精神障碍</source>
      <translation>Mental disorder</translation>
    </message>
    <message>
      <source>红牌</source>
      <translation>Red card</translation>
    </message>
    <message>
      <source>约谈</source>
      <translation>Interview</translation>
    </message>
    <message>
      <source>终结说明</source>
      <translation>Note on conclusion</translation>
    </message>
    <message>
      <source>继承</source>
      <translation>Inheritance</translation>
    </message>
    <message>
      <source>网上信访</source>
      <translation>Online petition</translation>
    </message>
    <message>
      <source>网上舆情</source>
      <translation>Online opinion</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>网格员</source>
      <translation>Grid worker</translation>
    </message>
    <message>
      <source>网格排查</source>
      <translation>Grid check</translation>
    </message>
    <message>
      <source>网格长</source>
      <translation>Grid leader</translation>
    </message>
    <message>
      <source>群众满意率</source>
      <translation>Petitioner satisfaction</translation>
    </message>
    <message>
      <source>联动类型</source>
      <translation>Referral kind</translation>
    </message>
    <message>
      <source>联合调解</source>
      <translation>Joint mediation</translation>
    </message>
    <message>
      <source>联户长</source>
      <translation>Household head</translation>
    </message>
    <message>
      <source>联系的住户</source>
      <translation>Households looked after</translation>
    </message>
    <message>
      <source>落实期限（天）</source>
      <translation>Days to carry it out</translation>
    </message>
    <message>
      <source>行政调解</source>
      <translation>Administrative mediation</translation>
    </message>
    <message>
      <source>补录理由（日期早于3个工作日前时必填）</source>
      <translation>Reason for late entry (required for a date more than 3 working days back)</translation>
    </message>
    <message>
      <source>被申请人</source>
      <translation>Respondent</translation>
    </message>
    <message>
      <source>被调查人或在场人</source>
      <translation>Persons questioned or present</translation>
    </message>
    <message>
      <source>裁定日期</source>
      <translation>Date of ruling</translation>
    </message>
    <message>
      <source>裁定结果</source>
      <translation>Ruling</translation>
    </message>
    <message>
      <source>视频联系</source>
      <translation>Video call</translation>
    </message>
    <message>
      <source>警调对接</source>
      <translation>Police referral</translation>
    </message>
    <message>
      <source>警调对接反馈单</source>
      <translation>Police referral feedback slip</translation>
    </message>
    <message>
      <source>认领</source>
      <translation>Claim</translation>
    </message>
    <message>
      <source>记录协议</source>
      <translation>Record agreement</translation>
    </message>
    <message>
      <source>记录调查</source>
      <translation>Record investigation</translation>
    </message>
    <message>
      <source>记录调解</source>
      <translation>Record session</translation>
    </message>
    <message>
      <source>诉前调解</source>
      <translation>Pre-suit mediation</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>调整星级</source>
      <translation>Regrade</translation>
    </message>
    <message>
      <source>调整理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>调查事项</source>
      <translation>Subject of investigation</translation>
    </message>
    <message>
      <source>调查人（单位、姓名）</source>
      <translation>Investigated by (unit, name)</translation>
    </message>
    <message>
      <source>调查地点</source>
      <translation>Place of investigation</translation>
    </message>
    <message>
      <source>调查日期</source>
      <translation>Date of investigation</translation>
    </message>
    <message>
      <source>调查结果</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>调解不成</source>
      <translation>Failed</translation>
    </message>
    <message>
      <source>调解不成功</source>
      <translation>Mediation failed</translation>
    </message>
    <message>
      <source>调解人员</source>
      <translation>Mediators</translation>
    </message>
    <message>
      <source>调解员</source>
      <translation>Mediator</translation>
    </message>
    <message>
      <source>调解员已签名</source>
      <translation>Mediator signed</translation>
    </message>
    <message>
      <source>调解成功</source>
      <translation>Agreement reached</translation>
    </message>
    <message>
      <source>调解日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>调解类型</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>调解结果</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>调解结果回复函</source>
      <translation>Mediation result letter</translation>
    </message>
    <message>
      <source>调解记录</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>财产损害</source>
      <translation>Property damage</translation>
    </message>
    <message>
      <source>赡养</source>
      <translation>Elder support</translation>
    </message>
    <message>
      <source>走访发现</source>
      <translation>Found on a visit</translation>
    </message>
    <message>
      <source>超期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>超期说明</source>
      <translation>Explain delay</translation>
    </message>
    <message>
      <source>跟随系统</source>
      <translation>Follow the system</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>转送</source>
      <translation>Forward</translation>
    </message>
    <message>
      <source>转送机关</source>
      <translation>Forwarded to</translation>
    </message>
    <message>
      <source>转送说明</source>
      <translation>Note on forwarding</translation>
    </message>
    <message>
      <source>达成协议</source>
      <translation>Agreement</translation>
    </message>
    <message>
      <source>达成的协议内容</source>
      <translation>What was agreed</translation>
    </message>
    <message>
      <source>道路</source>
      <translation>Road</translation>
    </message>
    <message>
      <source>道路交通</source>
      <translation>Road traffic</translation>
    </message>
    <message>
      <source>道路通行</source>
      <translation>Road access</translation>
    </message>
    <message>
      <source>邻里</source>
      <translation>Neighbours</translation>
    </message>
    <message>
      <source>邻里其他</source>
      <translation>Other neighbour</translation>
    </message>
    <message>
      <source>部分达成</source>
      <translation>Partial</translation>
    </message>
    <message>
      <source>配偶</source>
      <translation>Spouse</translation>
    </message>
    <message>
      <source>重复件</source>
      <translation>Repeats</translation>
    </message>
    <message>
      <source>销号回复 / 信访书面答复意见（来自12345等工单或信访事项时必填）</source>
      <translation>Reply to the order / written reply to the petition (required for 12345 orders and petitions)</translation>
    </message>
    <message>
      <source>镇级</source>
      <translation>Township</translation>
    </message>
    <message>
      <source>长期非访</source>
      <translation>Long-term irregular petitioner</translation>
    </message>
    <message>
      <source>降低风险等级的理由（低于信号所示时必填）</source>
      <translation>Reason for a lower risk level (required when lower than the signals show)</translation>
    </message>
    <message>
      <source>集体上访倾向</source>
      <translation>Risk of group petition</translation>
    </message>
    <message>
      <source>需关注</source>
      <translation>Needs attention</translation>
    </message>
    <message>
      <source>非正常死亡</source>
      <translation>Abnormal death</translation>
    </message>
    <message>
      <source>领导</source>
      <translation>Leader</translation>
    </message>
    <message>
      <source>领导包案</source>
      <translation>Leader takes charge</translation>
    </message>
    <message>
      <source>风险信号</source>
      <translation>Risk signals</translation>
    </message>
    <message>
      <source>风险等级</source>
      <translation>Risk level</translation>
    </message>
    <message>
      <source>首发平台</source>
      <translation>First-report platform</translation>
    </message>
    <message>
      <source>驳回申请</source>
      <translation>Application rejected</translation>
    </message>
    <message>
      <source>黄牌</source>
      <translation>Yellow card</translation>
    </message>
    <message>
      <source>（不指定）</source>
      <translation>(none)</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>15位旧号码应全为数字</source>
      <translation>a 15-digit old number must be all digits</translation>
    </message>
    <message>
      <source>15位旧号码，无校验位，请尽量换用18位号码</source>
      <translation>a 15-digit old number has no check digit; use the 18-digit number where possible</translation>
    </message>
    <message>
      <source>agreement_id：须指明申请确认的协议</source>
      <translation>agreement_id: name the agreement to be confirmed</translation>
    </message>
    <message>
      <source>amount：涉及金额应为不小于0的数</source>
      <translation>amount: the amount involved must be a number not below 0</translation>
    </message>
    <message>
      <source>court：须填写受理的人民法院（不超过{0}字）</source>
      <translation>court: enter the court applied to (at most {0} characters)</translation>
    </message>
    <message>
      <source>digest：与月结数据不符（数据被改动过）</source>
      <translation>digest: does not match the closed month's figures (the figures were changed)</translation>
    </message>
    <message>
      <source>document_no：文书号应形如“（2026）鲁1324民特12号”</source>
      <translation>document_no: a ruling number looks like "（2026）鲁1324民特12号"</translation>
    </message>
    <message>
      <source>figures：月结数据的格式应为第{0}版</source>
      <translation>figures: a closed month's figures must be version {0}</translation>
    </message>
    <message>
      <source>https 地址需要先核对并信任服务器证书的指纹</source>
      <translation>An https address needs the server certificate's fingerprint checked and trusted first</translation>
    </message>
    <message>
      <source>id：{0}的月结记录编号应为 {1}</source>
      <translation>id: the closing record of {0} must be numbered {1}</translation>
    </message>
    <message>
      <source>on：应为日期</source>
      <translation>on: must be a date</translation>
    </message>
    <message>
      <source>people_count：涉及人数应为0到{0}之间的整数</source>
      <translation>people_count: the people involved must be a whole number from 0 to {0}</translation>
    </message>
    <message>
      <source>result：应为{0}之一</source>
      <translation>result: must be one of {0}</translation>
    </message>
    <message>
      <source>signals：风险信号不能重复</source>
      <translation>signals: a risk signal may not repeat</translation>
    </message>
    <message>
      <source>signals：风险信号应为{0}中的若干项</source>
      <translation>signals: risk signals must be among {0}</translation>
    </message>
    <message>
      <source>{0} {1} 早于 {2}（{3}个工作日前），须填写补录理由</source>
      <translation>{0} {1} is before {2} ({3} working days back): a reason for the late entry is required</translation>
    </message>
    <message>
      <source>{0} 不是枫桥备份文件</source>
      <translation>{0} is not a Fengqiao backup file</translation>
    </message>
    <message>
      <source>{0} 中的 {1} 压缩比超过上限 {2} 倍，未导入（可能是压缩炸弹）</source>
      <translation>{1} in {0} is compressed more than {2} times, over the limit; not imported (possibly a zip bomb)</translation>
    </message>
    <message>
      <source>{0} 含有 {1} 个部件，超过上限 {2}，未导入</source>
      <translation>{0} holds {1} parts, over the limit of {2}; not imported</translation>
    </message>
    <message>
      <source>{0} 已登记为“{1}”</source>
      <translation>{0} is already registered as “{1}”</translation>
    </message>
    <message>
      <source>{0} 已登记在户号 {1}（{2}），已移入本户</source>
      <translation>{0} was registered in household {1} ({2}) and has been moved here</translation>
    </message>
    <message>
      <source>{0} 有 {1} MB，超过上限 {2} MB，未导入</source>
      <translation>{0} is {1} MB, over the limit of {2} MB; not imported</translation>
    </message>
    <message>
      <source>{0} 第 {1} 行“{2}”有 {3} 字，超过每格 {4} 字的上限，未导入</source>
      <translation>{0}: row {1}, “{2}” has {3} characters, over the limit of {4} per cell; not imported</translation>
    </message>
    <message>
      <source>{0} 缺少“名称”列（表头：名称、类型、成员）</source>
      <translation>{0} has no 名称 (name) column (headers: 名称, 类型, 成员)</translation>
    </message>
    <message>
      <source>{0} 缺少必需的列：{1}（表头可以是 {2}）</source>
      <translation>{0} lacks required columns: {1} (the header may be {2})</translation>
    </message>
    <message>
      <source>{0} 解压后超过上限 {1} MB，未导入（可能是压缩炸弹）</source>
      <translation>{0} inflates past the limit of {1} MB; not imported (possibly a zip bomb)</translation>
    </message>
    <message>
      <source>{0} 超过 {1} 行的上限，未导入；请分成几个文件</source>
      <translation>{0} has more than {1} rows, over the limit; not imported — split it into several files</translation>
    </message>
    <message>
      <source>{0}不在{1}年</source>
      <translation>{0} is not in {1}</translation>
    </message>
    <message>
      <source>{0}不能晚于今天（{1}）</source>
      <translation>{0} cannot be later than today ({1})</translation>
    </message>
    <message>
      <source>{0}件在办事项的期限跨入未录入的年份：{1}</source>
      <translation>{0} open matters have deadlines in a year whose holidays are not entered: {1}</translation>
    </message>
    <message>
      <source>{0}在第{1}行已出现</source>
      <translation>{0} already appears in row {1}</translation>
    </message>
    <message>
      <source>{0}尚未结束（{1}起才能月结）</source>
      <translation>{0} is not over yet (it can be closed from {1})</translation>
    </message>
    <message>
      <source>{0}已月结，不能再月结更早的{1}</source>
      <translation>{0} is closed; the earlier {1} cannot be closed now</translation>
    </message>
    <message>
      <source>{0}已月结，不能重复月结</source>
      <translation>{0} is already closed</translation>
    </message>
    <message>
      <source>{0}年{1}月</source>
      <translation>{1}/{0}</translation>
    </message>
    <message>
      <source>{0}年节假日未录入，期限按周一至周五计算</source>
      <translation>Holidays for {0} not entered; the deadline is counted Monday to Friday</translation>
    </message>
    <message>
      <source>{0}日期 {1} 早于所针对的意见书日期 {2}</source>
      <translation>{0} date {1} is before the date of the opinion it answers, {2}</translation>
    </message>
    <message>
      <source>{0}是周一至周五，本来就上班，不是调休上班日</source>
      <translation>{0} is a weekday, a working day anyway, not a make-up working day</translation>
    </message>
    <message>
      <source>{0}角色</source>
      <translation>role {0}</translation>
    </message>
    <message>
      <source>{0}须在意见书日期 {1} 起{2}日内提出（至 {3}），{4} 已超过期限</source>
      <translation>{0} must be made within {2} days of the opinion dated {1} (by {3}); {4} is too late</translation>
    </message>
    <message>
      <source>{0}（{1} 的当事人）</source>
      <translation>{0} (a party of {1})</translation>
    </message>
    <message>
      <source>{0}（人员）</source>
      <translation>{0} (person)</translation>
    </message>
    <message>
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <source>{0}：应为日期（如 2026-03-02）</source>
      <translation>{0}: should be a date (like 2026-03-02)</translation>
    </message>
    <message>
      <source>{0}：重复的日期</source>
      <translation>{0}: a repeated date</translation>
    </message>
    <message>
      <source>“{0}”不在配置的来源渠道中</source>
      <translation>“{0}” is not one of the configured channels</translation>
    </message>
    <message>
      <source>“{0}”不在配置的类别中</source>
      <translation>“{0}” is not one of the configured categories</translation>
    </message>
    <message>
      <source>“{0}”不属于“{1}”</source>
      <translation>“{0}” does not belong to “{1}”</translation>
    </message>
    <message>
      <source>“{0}”不是事项的办理状态</source>
      <translation>“{0}” is not part of the matter's state</translation>
    </message>
    <message>
      <source>“{0}”不是有效的地址：应写成 http(s)://主机[:端口]</source>
      <translation>“{0}” is not a valid address: write it as http(s)://host[:port]</translation>
    </message>
    <message>
      <source>“{0}”不是有效的地址：端口应是数字</source>
      <translation>“{0}” is not a valid address: the port must be a number</translation>
    </message>
    <message>
      <source>一次只录入一年，这里有{0}</source>
      <translation>Enter one year at a time; this has {0}</translation>
    </message>
    <message>
      <source>不在您负责的范围内</source>
      <translation>is outside your area</translation>
    </message>
    <message>
      <source>不属于所选的村（社区）</source>
      <translation>does not belong to the chosen village (community)</translation>
    </message>
    <message>
      <source>不是有效的手机号或带区号的固定电话</source>
      <translation>is not a valid mobile number or landline with area code</translation>
    </message>
    <message>
      <source>不是法院或公安移送的事项，须先登记联动移送</source>
      <translation>not referred by a court or the police; record the referral first</translation>
    </message>
    <message>
      <source>不能{0}：{1}</source>
      <translation>Cannot {0}: {1}</translation>
    </message>
    <message>
      <source>不能为空</source>
      <translation>must not be empty</translation>
    </message>
    <message>
      <source>不能为空（人民调解法第二十九条）</source>
      <translation>must not be empty (People’s Mediation Law, article 29)</translation>
    </message>
    <message>
      <source>不能为负数</source>
      <translation>must not be negative</translation>
    </message>
    <message>
      <source>不能停用自己的账号</source>
      <translation>you cannot disable your own account</translation>
    </message>
    <message>
      <source>不能关联自身</source>
      <translation>a matter cannot be linked to itself</translation>
    </message>
    <message>
      <source>不能包含数字</source>
      <translation>must not contain digits</translation>
    </message>
    <message>
      <source>不能早于收到日期</source>
      <translation>cannot be before the date received</translation>
    </message>
    <message>
      <source>不能早于收到移送的日期（{0}）</source>
      <translation>cannot be before the referral was received ({0})</translation>
    </message>
    <message>
      <source>不能早于申请日期{0}</source>
      <translation>cannot be before the date applied, {0}</translation>
    </message>
    <message>
      <source>不能晚于今天</source>
      <translation>must not be later than today</translation>
    </message>
    <message>
      <source>不能晚于现在</source>
      <translation>must not be later than now</translation>
    </message>
    <message>
      <source>不认识的处理方式“{0}”</source>
      <translation>unknown way of resolving “{0}”</translation>
    </message>
    <message>
      <source>与原来的事实相同，没有需要更正的内容</source>
      <translation>the same as the facts before: nothing to correct</translation>
    </message>
    <message>
      <source>与原来的属地相同</source>
      <translation>the same as the place before</translation>
    </message>
    <message>
      <source>与第{0}行重复</source>
      <translation>duplicates row {0}</translation>
    </message>
    <message>
      <source>两条记录的身份证号不同，不能合并</source>
      <translation>the two records have different ID numbers and cannot be merged</translation>
    </message>
    <message>
      <source>主工单</source>
      <translation>main order</translation>
    </message>
    <message>
      <source>主工单编号</source>
      <translation>main order number</translation>
    </message>
    <message>
      <source>乡镇服务器没有修改账号：{0}</source>
      <translation>The township server did not change the account: {0}</translation>
    </message>
    <message>
      <source>乡镇的区划代码“{0}”末三位应为000</source>
      <translation>a township’s division code “{0}” must end in 000</translation>
    </message>
    <message>
      <source>书面答复意见</source>
      <translation>Written reply</translation>
    </message>
    <message>
      <source>书面答复日期应为日期</source>
      <translation>The written reply's date should be a date</translation>
    </message>
    <message>
      <source>事由：请写明{0}的理由</source>
      <translation>Reason: write why the {0} is given</translation>
    </message>
    <message>
      <source>事项以“未化解”办结，不能反馈调解成功</source>
      <translation>the matter was closed unresolved; it cannot be reported as settled</translation>
    </message>
    <message>
      <source>事项发生地不在您负责的范围内</source>
      <translation>the place of the matter is outside your area</translation>
    </message>
    <message>
      <source>事项已交下级落实，由乡镇办理；县级只能督办</source>
      <translation>The matter was sent down to the township, which handles it; the county can only supervise it</translation>
    </message>
    <message>
      <source>事项已提级到县级，由县级办理，本级只能查看</source>
      <translation>The matter was escalated to the county, which handles it; this level can only view it</translation>
    </message>
    <message>
      <source>事项已达成调解协议，不能反馈调解不成功</source>
      <translation>the matter has a mediation agreement; it cannot be reported as failed</translation>
    </message>
    <message>
      <source>事项当前为“{0}”</source>
      <translation>the matter is now “{0}”</translation>
    </message>
    <message>
      <source>人民法院</source>
      <translation>Court</translation>
    </message>
    <message>
      <source>信号显示为“{0}”，定为更低须说明理由</source>
      <translation>The signals show “{0}”: a lower level needs a reason</translation>
    </message>
    <message>
      <source>信访事项以书面答复办结，须填写答复意见</source>
      <translation>A petition is closed by a written reply: fill in the reply</translation>
    </message>
    <message>
      <source>信访事项已终结</source>
      <translation>The petition is concluded</translation>
    </message>
    <message>
      <source>信访事项已终结，同一事实不再受理</source>
      <translation>The petition is concluded: the same facts are not accepted again</translation>
    </message>
    <message>
      <source>信访事项延期合计不得超过{0}日</source>
      <translation>extensions of a petition may not exceed {0} days in all</translation>
    </message>
    <message>
      <source>信访事项延期最多{0}日</source>
      <translation>a petition may be extended by at most {0} days</translation>
    </message>
    <message>
      <source>信访事项延期须告知信访人延期理由</source>
      <translation>A petition is extended only with the petitioner told the reason</translation>
    </message>
    <message>
      <source>信访事项当前为“{0}”</source>
      <translation>The petition is now "{0}"</translation>
    </message>
    <message>
      <source>信访人可在 {0} 前申请{1}，期限届满前不能终结</source>
      <translation>The petitioner may ask for {1} until {0}: it cannot be concluded before then</translation>
    </message>
    <message>
      <source>信访代办</source>
      <translation>Filing on behalf</translation>
    </message>
    <message>
      <source>全镇合计</source>
      <translation>Township total</translation>
    </message>
    <message>
      <source>冲突涉及的记录不在这台电脑上</source>
      <translation>the record of this conflict is not on this computer</translation>
    </message>
    <message>
      <source>创建数据库结构失败：{0}</source>
      <translation>Could not create the database structure: {0}</translation>
    </message>
    <message>
      <source>办理时间 {0} 早于本设备上次同步（{1}）：那时记下的步骤那时就会同步，不能补记到之前</source>
      <translation>Step time {0} is before this device's last sync ({1}): a step recorded then would have synced then; it cannot be dated before it</translation>
    </message>
    <message>
      <source>办理时间 {0} 晚于服务器收到它的时间</source>
      <translation>Step time {0} is later than the server received it</translation>
    </message>
    <message>
      <source>办理期限 {0} 已过，不能再延期</source>
      <translation>The deadline {0} has passed; it can no longer be extended</translation>
    </message>
    <message>
      <source>办理答复（60日内，可延30日）</source>
      <translation>Handling and reply (60 days, extendable by 30)</translation>
    </message>
    <message>
      <source>加分：{0}不加分</source>
      <translation>Points: a {0} carries no points</translation>
    </message>
    <message>
      <source>加分：亮点工作加分应大于0且不超过{0}分</source>
      <translation>Points: highlight points must be more than 0 and at most {0}</translation>
    </message>
    <message>
      <source>加分：应为数字</source>
      <translation>Points: must be a number</translation>
    </message>
    <message>
      <source>包保责任人</source>
      <translation>Person responsible</translation>
    </message>
    <message>
      <source>区划代码“{0}”应为12位数字</source>
      <translation>division code “{0}” must be 12 digits</translation>
    </message>
    <message>
      <source>协议</source>
      <translation>Agreement</translation>
    </message>
    <message>
      <source>协议形式</source>
      <translation>form of agreement</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>单位名称</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <source>单位类型应为 {0} 之一</source>
      <translation>the unit type must be one of {0}</translation>
    </message>
    <message>
      <source>卷宗已归档</source>
      <translation>Dossier filed</translation>
    </message>
    <message>
      <source>原协议</source>
      <translation>Original agreement</translation>
    </message>
    <message>
      <source>县级只能给县级单位添加成员，“{0}”是乡镇的</source>
      <translation>The county can add members to county units only; "{0}" is a township's</translation>
    </message>
    <message>
      <source>县级账号不在乡镇上报事项</source>
      <translation>A county account does not report the township's matters</translation>
    </message>
    <message>
      <source>反馈时限（工作日）</source>
      <translation>Reply within (working days)</translation>
    </message>
    <message>
      <source>发生时间</source>
      <translation>time of occurrence</translation>
    </message>
    <message>
      <source>受理告知（15日内）</source>
      <translation>Acceptance decision (within 15 days)</translation>
    </message>
    <message>
      <source>变更协议须经各方当事人和调解员重新签名后才能代替原协议</source>
      <translation>An amended agreement replaces the signed one only once every party and the mediator sign it again</translation>
    </message>
    <message>
      <source>变更理由</source>
      <translation>Reason for the change</translation>
    </message>
    <message>
      <source>只有{0}可以办理</source>
      <translation>only {0} may do this</translation>
    </message>
    <message>
      <source>只有信访事项可以代办</source>
      <translation>Only a petition can be filed on someone's behalf</translation>
    </message>
    <message>
      <source>只有信访事项有此步骤</source>
      <translation>Only a petition has this step</translation>
    </message>
    <message>
      <source>只有全镇范围的账号才能月结</source>
      <translation>Only a township-wide account can close a month</translation>
    </message>
    <message>
      <source>只有平台办公室可以关联事项</source>
      <translation>only the platform office may link matters</translation>
    </message>
    <message>
      <source>只有当前承办人可以办理</source>
      <translation>only the current handler may do this</translation>
    </message>
    <message>
      <source>只有生效的书面调解协议可以申请司法确认</source>
      <translation>Only a written mediation agreement in effect can be judicially confirmed</translation>
    </message>
    <message>
      <source>只能添加县级账号，这些是乡镇的：{0}</source>
      <translation>Only county accounts can be added; these are the township's: {0}</translation>
    </message>
    <message>
      <source>只能用汉字、字母或数字</source>
      <translation>Only Chinese characters, letters or digits</translation>
    </message>
    <message>
      <source>可能民转刑</source>
      <translation>may turn criminal</translation>
    </message>
    <message>
      <source>号段{0}不常见，请核对</source>
      <translation>the prefix {0} is unusual; please check</translation>
    </message>
    <message>
      <source>司法确认已有结果</source>
      <translation>the judicial confirmation already has a ruling</translation>
    </message>
    <message>
      <source>司法确认的进展应为{0}之一</source>
      <translation>The stage of judicial confirmation should be one of {0}</translation>
    </message>
    <message>
      <source>同村且标题相近</source>
      <translation>same village, similar title</translation>
    </message>
    <message>
      <source>同步冲突：{0} 取“{1}”</source>
      <translation>Sync conflict: {0} set to “{1}”</translation>
    </message>
    <message>
      <source>名称最长{0}字</source>
      <translation>A name is at most {0} characters</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>告知信访人</source>
      <translation>Petitioner told</translation>
    </message>
    <message>
      <source>回执签收人</source>
      <translation>Receipt signed by</translation>
    </message>
    <message>
      <source>地址码{0}不在已知区划内</source>
      <translation>address code {0} is not a known division</translation>
    </message>
    <message>
      <source>填写为“{0}”，身份证号显示为“{1}”</source>
      <translation>entered as “{0}”, the ID number says “{1}”</translation>
    </message>
    <message>
      <source>备份文件 {0} 不完整（可能复制时中断），无法恢复</source>
      <translation>The backup file {0} is incomplete (perhaps the copy was interrupted) and cannot be restored</translation>
    </message>
    <message>
      <source>备份文件 {0} 末尾有多余的数据，可能已被改动</source>
      <translation>The backup file {0} has extra data at its end; it may have been changed</translation>
    </message>
    <message>
      <source>备份文件 {0} 的文件头已损坏</source>
      <translation>The header of the backup file {0} is damaged</translation>
    </message>
    <message>
      <source>备份文件 {0} 第 {1} 段已损坏或被改动，无法恢复</source>
      <translation>Part {1} of the backup file {0} is damaged or changed; it cannot be restored</translation>
    </message>
    <message>
      <source>备份文件中的路径不安全：{0}</source>
      <translation>Unsafe path in the backup file: {0}</translation>
    </message>
    <message>
      <source>备份文件内容不全：缺少数据库或密钥</source>
      <translation>The backup is incomplete: the database or the keys are missing</translation>
    </message>
    <message>
      <source>备份文件内容已损坏：{0}</source>
      <translation>The contents of the backup file are damaged: {0}</translation>
    </message>
    <message>
      <source>备份文件格式 {0} 不受支持，请用更新版本的枫桥恢复</source>
      <translation>Backup format {0} is not supported; restore it with a newer version of Fengqiao</translation>
    </message>
    <message>
      <source>复查意见（30日内）</source>
      <translation>Review opinion (within 30 days)</translation>
    </message>
    <message>
      <source>复核意见（30日内）</source>
      <translation>Re-review opinion (within 30 days)</translation>
    </message>
    <message>
      <source>外部工单号</source>
      <translation>Hotline order number</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>name</translation>
    </message>
    <message>
      <source>字段“{0}”不能修改</source>
      <translation>the field “{0}” cannot be changed</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>密码至少{0}个字符</source>
      <translation>the password needs at least {0} characters</translation>
    </message>
    <message>
      <source>密码错误次数过多，账号“{0}”已锁定{1}分钟</source>
      <translation>Too many wrong passwords: account “{0}” is locked for {1} minutes</translation>
    </message>
    <message>
      <source>密码错误（再错{0}次将锁定账号）</source>
      <translation>Wrong password ({0} more wrong attempts lock the account)</translation>
    </message>
    <message>
      <source>密钥文件 {0} 已损坏：{1}</source>
      <translation>The key file {0} is damaged: {1}</translation>
    </message>
    <message>
      <source>密钥文件 {0} 的格式版本 {1} 不受支持</source>
      <translation>The key file {0} has format version {1}, which is not supported</translation>
    </message>
    <message>
      <source>对象类别：应为{0}之一</source>
      <translation>Unit kind: must be one of {0}</translation>
    </message>
    <message>
      <source>对象：没有这个{0}：{1}</source>
      <translation>Unit: no such {0}: {1}</translation>
    </message>
    <message>
      <source>对象：请指明被考核的单位</source>
      <translation>Unit: name the unit assessed</translation>
    </message>
    <message>
      <source>导入已取消，未写入任何数据</source>
      <translation>Import cancelled; nothing was written</translation>
    </message>
    <message>
      <source>导出已取消</source>
      <translation>Export cancelled</translation>
    </message>
    <message>
      <source>小类</source>
      <translation>subcategory</translation>
    </message>
    <message>
      <source>尚无生效的调解协议（书面协议须各方和调解员签名），不能以“调解成功”办结</source>
      <translation>No mediation agreement in effect yet (a written one needs every party's and the mediator's signature): cannot close as resolved by mediation</translation>
    </message>
    <message>
      <source>尚未交办给任何单位或承办人，督办须发给承办单位：请先交办</source>
      <translation>not yet dispatched to any unit or person; supervision goes to the unit handling it: dispatch first</translation>
    </message>
    <message>
      <source>尚未由当事人签名，不必另立变更协议</source>
      <translation>Not yet signed by the parties: no amended agreement is needed</translation>
    </message>
    <message>
      <source>尚未申请司法确认</source>
      <translation>Judicial confirmation has not been applied for</translation>
    </message>
    <message>
      <source>履行方式和期限</source>
      <translation>how and by when it is carried out</translation>
    </message>
    <message>
      <source>巡查地点不在您负责的范围内</source>
      <translation>the place patrolled is outside your area</translation>
    </message>
    <message>
      <source>已反馈结果</source>
      <translation>the result was already sent back</translation>
    </message>
    <message>
      <source>已取消，演示数据库已删除</source>
      <translation>Cancelled; the demo database was removed</translation>
    </message>
    <message>
      <source>已在县级，无法再提级</source>
      <translation>already at county level, cannot go higher</translation>
    </message>
    <message>
      <source>已在村级，没有下级</source>
      <translation>already at village level, there is no level below</translation>
    </message>
    <message>
      <source>已有名为“{0}”的{1}</source>
      <translation>There is already a {1} named “{0}”</translation>
    </message>
    <message>
      <source>已有待审批的延期申请</source>
      <translation>an extension request is already waiting for a decision</translation>
    </message>
    <message>
      <source>已申请过司法确认</source>
      <translation>judicial confirmation was already applied for</translation>
    </message>
    <message>
      <source>已登记为“{0}”</source>
      <translation>already recorded as “{0}”</translation>
    </message>
    <message>
      <source>已被督办，须先提交超期说明</source>
      <translation>it was supervised: explain the delay first</translation>
    </message>
    <message>
      <source>年份{0}超出范围（{1}–{2}）</source>
      <translation>Year {0} is out of range ({1}–{2})</translation>
    </message>
    <message>
      <source>应为17位数字加1位数字或X</source>
      <translation>must be 17 digits followed by a digit or X</translation>
    </message>
    <message>
      <source>应为1至{0}之间的整数</source>
      <translation>should be a whole number from 1 to {0}</translation>
    </message>
    <message>
      <source>应为4至40个字母、数字或 - _ /</source>
      <translation>should be 4 to 40 letters, digits or - _ /</translation>
    </message>
    <message>
      <source>应为{0}之一</source>
      <translation>must be one of {0}</translation>
    </message>
    <message>
      <source>应为{0}星之一</source>
      <translation>must be one of {0} stars</translation>
    </message>
    <message>
      <source>应为“单位”或“队伍”，不是“{0}”</source>
      <translation>should be 单位 (unit) or 队伍 (team), not "{0}"</translation>
    </message>
    <message>
      <source>应为“男”或“女”，而不是“{0}”</source>
      <translation>must be “男” (male) or “女” (female), not “{0}”</translation>
    </message>
    <message>
      <source>应为一个在用的账号</source>
      <translation>should be an account in use</translation>
    </message>
    <message>
      <source>应为书面或口头</source>
      <translation>must be written or oral</translation>
    </message>
    <message>
      <source>应为人民法院的名称</source>
      <translation>should be the name of a people's court</translation>
    </message>
    <message>
      <source>应为另一件非重复的事项</source>
      <translation>must be another matter that is not itself a repeat</translation>
    </message>
    <message>
      <source>应为日期</source>
      <translation>should be a date</translation>
    </message>
    <message>
      <source>应为日期和时间</source>
      <translation>should be a date and time</translation>
    </message>
    <message>
      <source>应为本事项的一份协议</source>
      <translation>Must be an agreement of this matter</translation>
    </message>
    <message>
      <source>应为派出所或公安机关的名称</source>
      <translation>should be the name of a police station</translation>
    </message>
    <message>
      <source>应为矛盾纠纷或信访事项</source>
      <translation>must be a dispute or a petition</translation>
    </message>
    <message>
      <source>应写作“（2026）鲁1324民诉前调345号”的样式</source>
      <translation>should be written like “（2026）鲁1324民诉前调345号”</translation>
    </message>
    <message>
      <source>应写明怎样履行、何时履行</source>
      <translation>must say how and when it is carried out</translation>
    </message>
    <message>
      <source>应在0到60之间（0为默认{0}个工作日）</source>
      <translation>Should be between 0 and 60 (0 for the default {0} working days)</translation>
    </message>
    <message>
      <source>应在协议生效后30日内（{0}前）申请</source>
      <translation>Apply within 30 days of the agreement taking effect (by {0})</translation>
    </message>
    <message>
      <source>应形如“（2026）鲁1324民特12号”</source>
      <translation>should look like "（2026）鲁1324民特12号"</translation>
    </message>
    <message>
      <source>延期天数</source>
      <translation>days of extension</translation>
    </message>
    <message>
      <source>延期天数应大于0</source>
      <translation>the days of extension must be more than 0</translation>
    </message>
    <message>
      <source>当事人是同一户</source>
      <translation>a party of the same household</translation>
    </message>
    <message>
      <source>当事人身份证号或电话相同</source>
      <translation>same party ID number or phone</translation>
    </message>
    <message>
      <source>性别</source>
      <translation>sex</translation>
    </message>
    <message>
      <source>意见书日期 {0} 早于申请日期 {1}</source>
      <translation>The opinion's date {0} is before the request's date {1}</translation>
    </message>
    <message>
      <source>成员</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>户号</source>
      <translation>household number</translation>
    </message>
    <message>
      <source>户号 {0}（户主 {1}）</source>
      <translation>Household {0} (head {1})</translation>
    </message>
    <message>
      <source>户号“{0}”在多个村都有，请用住户编号</source>
      <translation>Household number “{0}” exists in several villages; use the household id</translation>
    </message>
    <message>
      <source>所属单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>手机号</source>
      <translation>mobile number</translation>
    </message>
    <message>
      <source>手机号应为11位、以13–19开头，这里是{0}位</source>
      <translation>a mobile number has 11 digits starting with 13–19; this has {0}</translation>
    </message>
    <message>
      <source>找不到密钥文件 {0}：数据库无法解锁（备份时请连同 .keys 文件一起复制）</source>
      <translation>Key file {0} not found: the database cannot be unlocked (copy the .keys file along with the database)</translation>
    </message>
    <message>
      <source>找不到户号“{0}”</source>
      <translation>No household numbered “{0}”</translation>
    </message>
    <message>
      <source>找不到承办单位或承办人</source>
      <translation>handling unit or person not found</translation>
    </message>
    <message>
      <source>找不到数据库 {0}</source>
      <translation>Database {0} not found</translation>
    </message>
    <message>
      <source>找不到文件 {0}</source>
      <translation>File {0} not found</translation>
    </message>
    <message>
      <source>找不到编号为“{0}”的事项</source>
      <translation>no matter numbered “{0}”</translation>
    </message>
    <message>
      <source>找不到要合并的两条居民记录</source>
      <translation>the two resident records to merge were not found</translation>
    </message>
    <message>
      <source>找不到该事项，或不在您的范围内</source>
      <translation>matter not found, or outside your area</translation>
    </message>
    <message>
      <source>找不到该单位</source>
      <translation>Unit not found</translation>
    </message>
    <message>
      <source>找不到该居民</source>
      <translation>resident not found</translation>
    </message>
    <message>
      <source>找不到该巡查记录，或不在您的范围内</source>
      <translation>patrol entry not found, or outside your area</translation>
    </message>
    <message>
      <source>找不到该当事人</source>
      <translation>Party not found</translation>
    </message>
    <message>
      <source>找不到该户</source>
      <translation>household not found</translation>
    </message>
    <message>
      <source>找不到该户，或不在您的范围内</source>
      <translation>household not found, or outside your area</translation>
    </message>
    <message>
      <source>找不到该村（社区）</source>
      <translation>village (community) not found</translation>
    </message>
    <message>
      <source>找不到该网格</source>
      <translation>Grid not found</translation>
    </message>
    <message>
      <source>找不到该走访记录</source>
      <translation>visit not found</translation>
    </message>
    <message>
      <source>找不到该重点人员，或不在您的范围内（须先在居民信息中列为重点人员）</source>
      <translation>key person not found, or outside your area (flag the resident as a key person first)</translation>
    </message>
    <message>
      <source>承办单位或承办人</source>
      <translation>Handling unit or person</translation>
    </message>
    <message>
      <source>按乡镇排名需要县级账号（县综治中心）：本机登录的是乡镇的账号</source>
      <translation>A township ranking needs a county account (县综治中心): this laptop is signed in with a township's account</translation>
    </message>
    <message>
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>操作人</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>数据库 {0} 已存在，不会覆盖</source>
      <translation>Database {0} already exists and will not be overwritten</translation>
    </message>
    <message>
      <source>数据库中没有乡镇</source>
      <translation>the database holds no township</translation>
    </message>
    <message>
      <source>数据库升级失败，已从升级前的备份恢复（{0}），数据未丢失。原因：{1}</source>
      <translation>The database upgrade failed; it was restored from the backup taken before it ({0}) and no data was lost. Reason: {1}</translation>
    </message>
    <message>
      <source>数据库文件 {0} 无法读取：文件已损坏，或与密钥文件不匹配（{1}）</source>
      <translation>The database file {0} cannot be read: it is damaged or does not match its key file ({1})</translation>
    </message>
    <message>
      <source>数据库文件已损坏，无法读取。请不要继续录入：退出程序，用最近的备份恢复（“文件 → 从备份恢复…”），或请技术支持处理。</source>
      <translation>The database file is damaged and cannot be read. Stop entering data: quit, and restore the latest backup (File → Restore from a backup…), or ask technical support.</translation>
    </message>
    <message>
      <source>数据库文件无法写入（只读、无权限或所在的 U 盘已拔出），这次没有保存。请检查文件所在的位置后再试。</source>
      <translation>The database file cannot be written (read-only, no permission, or its USB stick was removed); this was not saved. Check where the file is and try again.</translation>
    </message>
    <message>
      <source>文书号</source>
      <translation>Ruling number</translation>
    </message>
    <message>
      <source>文书号简称</source>
      <translation>Short name in document numbers</translation>
    </message>
    <message>
      <source>文书模板</source>
      <translation>Paper templates</translation>
    </message>
    <message>
      <source>文书模板“{0}”已改用默认措辞（{1}）</source>
      <translation>The paper template “{0}” was replaced by the default wording ({1})</translation>
    </message>
    <message>
      <source>文件 {0} 有 {1:.0f} MB，最大 {2} MB</source>
      <translation>The file {0} has {1:.0f} MB; at most {2} MB</translation>
    </message>
    <message>
      <source>无法生成{0}，缺少：{1}</source>
      <translation>Cannot make the {0}: missing {1}</translation>
    </message>
    <message>
      <source>无法读取 {0}：不是 UTF-8 或 GBK 编码的 CSV</source>
      <translation>Cannot read {0}: not a CSV in UTF-8 or GBK</translation>
    </message>
    <message>
      <source>无法读取 {0}：不是有效的 .xlsx 工作簿（{1}）</source>
      <translation>Cannot read {0}: not a valid .xlsx workbook ({1})</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>日期“{0}”看不懂（应如 2027-01-01）</source>
      <translation>Cannot read the date “{0}” (write it like 2027-01-01)</translation>
    </message>
    <message>
      <source>日期：{0}已月结，{1}请记在当前月份</source>
      <translation>Date: {0} is closed; record {1} in the current month</translation>
    </message>
    <message>
      <source>星级</source>
      <translation>grade</translation>
    </message>
    <message>
      <source>星级{0}未配置（可选：{1}）</source>
      <translation>grade {0} is not configured (choose from: {1})</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>更正事实</source>
      <translation>Correct facts</translation>
    </message>
    <message>
      <source>更正理由</source>
      <translation>Reason for the correction</translation>
    </message>
    <message>
      <source>最多 {0} 个字</source>
      <translation>at most {0} characters</translation>
    </message>
    <message>
      <source>最多100个字符</source>
      <translation>at most 100 characters</translation>
    </message>
    <message>
      <source>最多2000个字符</source>
      <translation>At most 2,000 characters</translation>
    </message>
    <message>
      <source>最多200个字符</source>
      <translation>at most 200 characters</translation>
    </message>
    <message>
      <source>最多40个字母、数字或 - _ /</source>
      <translation>at most 40 letters, digits or - _ /</translation>
    </message>
    <message>
      <source>最多{0}个字符</source>
      <translation>At most {0} characters</translation>
    </message>
    <message>
      <source>月份“{0}”应写作 2026-11</source>
      <translation>Write the month “{0}” as 2026-11</translation>
    </message>
    <message>
      <source>有械斗倾向</source>
      <translation>risk of armed fighting</translation>
    </message>
    <message>
      <source>有集体上访倾向</source>
      <translation>risk of a group petition</translation>
    </message>
    <message>
      <source>期限配置无效：{0}</source>
      <translation>invalid deadline settings: {0}</translation>
    </message>
    <message>
      <source>未填</source>
      <translation>Not filled in</translation>
    </message>
    <message>
      <source>未知的信号：{0}</source>
      <translation>unknown signal: {0}</translation>
    </message>
    <message>
      <source>未知的文书“{0}”（可选：{1}）</source>
      <translation>Unknown paper “{0}” (choose from: {1})</translation>
    </message>
    <message>
      <source>未知的模板项“{0}”</source>
      <translation>Unknown template item “{0}”</translation>
    </message>
    <message>
      <source>未知的步骤</source>
      <translation>unknown step</translation>
    </message>
    <message>
      <source>未知的调解结果</source>
      <translation>unknown mediation result</translation>
    </message>
    <message>
      <source>未知的风险等级</source>
      <translation>unknown risk level</translation>
    </message>
    <message>
      <source>未知角色“{0}”（可选：{1}）</source>
      <translation>unknown role “{0}” (choose from: {1})</translation>
    </message>
    <message>
      <source>未知：{0}</source>
      <translation>unknown: {0}</translation>
    </message>
    <message>
      <source>本期由已月结月份（{0}）发布的数据合成（含各月发布时计入的调整），不再变动</source>
      <translation>This period is built from the figures published by its closed months ({0}), adjustments included as each month published them; it no longer changes</translation>
    </message>
    <message>
      <source>本期由已月结月份（{0}）发布的数据，加上未月结月份（{1}）的实时数据合成；月结前实时部分仍会变动</source>
      <translation>This period is built from the figures published by its closed months ({0}) plus the live figures of the months not yet closed ({1}); the live part changes until they are closed</translation>
    </message>
    <message>
      <source>本村已有户号为“{0}”的住户</source>
      <translation>this village already has a household numbered “{0}”</translation>
    </message>
    <message>
      <source>本村（社区）已有网格“{0}”</source>
      <translation>This village already has a grid “{0}”</translation>
    </message>
    <message>
      <source>本级已调解{0}次未成，应提级报请上一级</source>
      <translation>{0} failed mediations at this level: escalate to the level above</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>village/community</translation>
    </message>
    <message>
      <source>村（社区）</source>
      <translation>Village (community)</translation>
    </message>
    <message>
      <source>村（社区）“{0}”已存在</source>
      <translation>village (community) “{0}” already exists</translation>
    </message>
    <message>
      <source>村（社区）“{0}”还在使用（住户{1}户、事项{2}件、网格{3}个、以它为范围的账号{4}个），不能删除</source>
      <translation>The village “{0}” is still in use ({1} households, {2} matters, {3} grids, {4} accounts scoped to it) and cannot be deleted</translation>
    </message>
    <message>
      <source>村（社区）名称</source>
      <translation>Village name</translation>
    </message>
    <message>
      <source>村（社区）的区划代码“{0}”末三位不应为000</source>
      <translation>a village’s division code “{0}” must not end in 000</translation>
    </message>
    <message>
      <source>条件的取值不能为空：{0}</source>
      <translation>A condition needs at least one value: {0}</translation>
    </message>
    <message>
      <source>来源</source>
      <translation>source</translation>
    </message>
    <message>
      <source>来自工单 {0}，须填写回复内容</source>
      <translation>from order {0}: the reply is required</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>title</translation>
    </message>
    <message>
      <source>校验位不符（应为{0}）</source>
      <translation>check digit does not match (should be {0})</translation>
    </message>
    <message>
      <source>检举事项不能交给被检举的单位或其人员办理</source>
      <translation>A whistleblower matter cannot go to the unit it accuses or its people</translation>
    </message>
    <message>
      <source>没有待审批的延期申请</source>
      <translation>no extension request is waiting for a decision</translation>
    </message>
    <message>
      <source>没有待确认的降低风险等级</source>
      <translation>No lowered risk level waits for confirmation</translation>
    </message>
    <message>
      <source>没有账号：{0}（在服务器上新建的账号，本机要先同步才有，请先点“同步”再添加）</source>
      <translation>No such account: {0} (an account made on the server reaches this computer only when it syncs: click “Sync” first, then add it)</translation>
    </message>
    <message>
      <source>没有这一天：{0}</source>
      <translation>No such day: {0}</translation>
    </message>
    <message>
      <source>法院移送的案件须填写调解期限</source>
      <translation>a case from the court needs the court's deadline</translation>
    </message>
    <message>
      <source>涉及{0}人（≥{1}人）</source>
      <translation>involves {0} people (≥{1})</translation>
    </message>
    <message>
      <source>涉及人数</source>
      <translation>people involved</translation>
    </message>
    <message>
      <source>涉及金额</source>
      <translation>amount involved</translation>
    </message>
    <message>
      <source>涉及金额{0:,.0f}元（≥10万元）</source>
      <translation>involves {0:,.0f} yuan (≥100,000 yuan)</translation>
    </message>
    <message>
      <source>涉及非正常死亡</source>
      <translation>involves an unnatural death</translation>
    </message>
    <message>
      <source>满意度</source>
      <translation>satisfaction</translation>
    </message>
    <message>
      <source>申请复查（答复后30日内）</source>
      <translation>Review may be asked (within 30 days of the reply)</translation>
    </message>
    <message>
      <source>申请复核（复查意见后30日内）</source>
      <translation>Re-review may be asked (within 30 days of the review opinion)</translation>
    </message>
    <message>
      <source>督办级别</source>
      <translation>Supervision level</translation>
    </message>
    <message>
      <source>磁盘已满或无法写入，这次没有保存。请清理磁盘空间后再试；之前保存的数据不受影响。</source>
      <translation>The disk is full or cannot be written; this was not saved. Free some disk space and try again; what was saved before is not affected.</translation>
    </message>
    <message>
      <source>立案时须选择类别</source>
      <translation>choose a category when registering</translation>
    </message>
    <message>
      <source>管理员和审计员不能是同一个账号</source>
      <translation>the administrator and the auditor cannot be the same account</translation>
    </message>
    <message>
      <source>管理员密码至少8个字符</source>
      <translation>the administrator password needs at least 8 characters</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>category</translation>
    </message>
    <message>
      <source>类别：应为{0}之一</source>
      <translation>Kind: must be one of {0}</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>type</translation>
    </message>
    <message>
      <source>类型应为“休”或“班”，而不是“{0}”</source>
      <translation>The type must be “休” (off) or “班” (work), not “{0}”</translation>
    </message>
    <message>
      <source>结束日期 {0} 早于开始日期 {1}</source>
      <translation>The end date {0} is before the start date {1}</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>grid</translation>
    </message>
    <message>
      <source>网格“{0}”还在使用（住户{1}户、事项{2}件、以它为范围的账号{3}个），不能删除</source>
      <translation>The grid “{0}” is still in use ({1} households, {2} matters, {3} accounts scoped to it) and cannot be deleted</translation>
    </message>
    <message>
      <source>网格不属于所选的村（社区）</source>
      <translation>the grid does not belong to the chosen village (community)</translation>
    </message>
    <message>
      <source>网格名称</source>
      <translation>Grid name</translation>
    </message>
    <message>
      <source>考核期间“{0}”应为 2026-10、2026-Q4 或 2026</source>
      <translation>The assessment period “{0}” should look like 2026-10, 2026-Q4 or 2026</translation>
    </message>
    <message>
      <source>考核维度“{0}”应为 {1} 之一</source>
      <translation>assessment by "{0}" should be one of {1}</translation>
    </message>
    <message>
      <source>联户长上报事项，须从所联系住户的走访记录发起</source>
      <translation>A household head reports a matter from a visit to one of their households</translation>
    </message>
    <message>
      <source>联户长至少要联系一户，请填写户号</source>
      <translation>A household head looks after at least one household: enter its number</translation>
    </message>
    <message>
      <source>联系的住户</source>
      <translation>Households looked after</translation>
    </message>
    <message>
      <source>至</source>
      <translation>To</translation>
    </message>
    <message>
      <source>至少 {0} 个字符</source>
      <translation>at least {0} characters</translation>
    </message>
    <message>
      <source>至少选择一个角色</source>
      <translation>choose at least one role</translation>
    </message>
    <message>
      <source>节假日：{0}</source>
      <translation>Holidays: {0}</translation>
    </message>
    <message>
      <source>花括号中的“{{{0}}}”不能用：这一项只能用 {1}</source>
      <translation>“{{{0}}}” cannot be used in braces: this item may only use {1}</translation>
    </message>
    <message>
      <source>范围</source>
      <translation>Scope</translation>
    </message>
    <message>
      <source>范围为 {0} 时至少要给出一个村或网格</source>
      <translation>A {0} scope needs at least one village or grid</translation>
    </message>
    <message>
      <source>范围内的村、网格或住户</source>
      <translation>Villages, grids or households of the scope</translation>
    </message>
    <message>
      <source>范围类型应为 household、grid、village、township 或 county，而不是“{0}”</source>
      <translation>The scope kind should be household, grid, village, township or county, not “{0}”</translation>
    </message>
    <message>
      <source>落实期限应大于0天</source>
      <translation>the days to carry it out must be more than 0</translation>
    </message>
    <message>
      <source>表头应包含“日期”和“类型”（还可有“名称”），现为：{0}</source>
      <translation>The header must hold “日期” (date) and “类型” (type), and may hold “名称” (name); it is: {0}</translation>
    </message>
    <message>
      <source>表格是空的，第一行应为表头：{0}</source>
      <translation>The sheet is empty; its first row should be the header: {0}</translation>
    </message>
    <message>
      <source>裁定结果</source>
      <translation>Ruling</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Roles</translation>
    </message>
    <message>
      <source>该重点人员没有在管的稳控方案</source>
      <translation>this key person has no watch plan in force</translation>
    </message>
    <message>
      <source>请填写乡镇服务器地址，如 https://192.168.1.10:8765</source>
      <translation>Enter the township server's address, e.g. https://192.168.1.10:8765</translation>
    </message>
    <message>
      <source>请选择</source>
      <translation>please choose</translation>
    </message>
    <message>
      <source>请选择一个村（社区）</source>
      <translation>please choose a village (community)</translation>
    </message>
    <message>
      <source>读不到服务器的证书：{0}</source>
      <translation>Cannot read the server's certificate: {0}</translation>
    </message>
    <message>
      <source>调查人</source>
      <translation>Investigated by</translation>
    </message>
    <message>
      <source>调查结果</source>
      <translation>Findings</translation>
    </message>
    <message>
      <source>调解委员会名称</source>
      <translation>Mediation committee name</translation>
    </message>
    <message>
      <source>调解类型</source>
      <translation>kind of mediation</translation>
    </message>
    <message>
      <source>调解结果</source>
      <translation>mediation result</translation>
    </message>
    <message>
      <source>调解记录</source>
      <translation>mediation record</translation>
    </message>
    <message>
      <source>账号“{0}”不存在</source>
      <translation>account “{0}” does not exist</translation>
    </message>
    <message>
      <source>账号“{0}”因多次密码错误已锁定，请于{1}后再试，或请管理员重置密码</source>
      <translation>Account “{0}” is locked after too many wrong passwords; try again after {1}, or ask an administrator to reset the password</translation>
    </message>
    <message>
      <source>账号“{0}”在这台电脑上不存在</source>
      <translation>Account “{0}” does not exist on this computer</translation>
    </message>
    <message>
      <source>账号“{0}”已停用，请联系管理员</source>
      <translation>Account “{0}” is disabled; please contact the administrator</translation>
    </message>
    <message>
      <source>账号“{0}”已存在</source>
      <translation>account “{0}” already exists</translation>
    </message>
    <message>
      <source>账号“{0}”没有“{1}”的权限</source>
      <translation>Account “{0}” may not: {1}</translation>
    </message>
    <message>
      <source>账号“{0}”没有恢复备份的权限（需网格员、调解员、平台办公室或管理员）</source>
      <translation>Account “{0}” may not restore backups (a grid worker, mediator, platform office or administrator may)</translation>
    </message>
    <message>
      <source>账号名</source>
      <translation>Username</translation>
    </message>
    <message>
      <source>账号名应为2–50个字母、数字、下划线、点或横线</source>
      <translation>an account name has 2–50 letters, digits, underscores, dots or hyphens</translation>
    </message>
    <message>
      <source>账号由乡镇服务器管理，现在连不上 {0}：联网后再试；本机什么都没有改</source>
      <translation>Accounts are managed by the township server, and {0} cannot be reached: try again when online; nothing was changed here</translation>
    </message>
    <message>
      <source>账号由乡镇服务器管理：这台电脑还没有在乡镇服务器登记，请先同步一次；本机什么都没有改</source>
      <translation>Accounts are managed by the township server: this computer is not registered with it yet, sync once first; nothing was changed here</translation>
    </message>
    <message>
      <source>走访 {0}</source>
      <translation>Visit {0}</translation>
    </message>
    <message>
      <source>走访时间</source>
      <translation>time of visit</translation>
    </message>
    <message>
      <source>走访目的</source>
      <translation>purpose of visit</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>转送机关</source>
      <translation>Forwarded to</translation>
    </message>
    <message>
      <source>这台电脑第一次同步：请输入本账号的密码，以便在乡镇服务器登记设备</source>
      <translation>This computer syncs for the first time: enter this account’s password to register the device with the township server</translation>
    </message>
    <message>
      <source>这户不在您负责的范围内</source>
      <translation>this household is outside your area</translation>
    </message>
    <message>
      <source>这条冲突已不存在或已处理</source>
      <translation>this conflict no longer exists or has been resolved</translation>
    </message>
    <message>
      <source>销号回复</source>
      <translation>Reply to the hotline</translation>
    </message>
    <message>
      <source>长度为{0}个字符，最多50个</source>
      <translation>is {0} characters long; at most 50</translation>
    </message>
    <message>
      <source>长度为{0}位，应为18位</source>
      <translation>has {0} digits; it should have 18</translation>
    </message>
    <message>
      <source>附件 {0} 已损坏</source>
      <translation>Attachment {0} is damaged</translation>
    </message>
    <message>
      <source>附件 {0} 无法解密（已损坏或属于另一个数据库）</source>
      <translation>Attachment {0} cannot be decrypted (damaged or from another database)</translation>
    </message>
    <message>
      <source>附件“{0}”尚未同步到本机</source>
      <translation>Attachment “{0}” has not reached this computer yet</translation>
    </message>
    <message>
      <source>附件只能加到事项、走访或巡查上，而不是“{0}”</source>
      <translation>attachments go on a matter, a visit or a patrol, not on “{0}”</translation>
    </message>
    <message>
      <source>降低风险等级的理由</source>
      <translation>Reason for a lower risk level</translation>
    </message>
    <message>
      <source>须写明转送到哪个机关或单位</source>
      <translation>Name the organ or unit it goes to</translation>
    </message>
    <message>
      <source>须在书面答复后，复核完毕或申请期限届满才能终结</source>
      <translation>A petition can be concluded only after its written reply, once re-reviewed or once the time to ask has passed</translation>
    </message>
    <message>
      <source>须填写{0}</source>
      <translation>{0} is required</translation>
    </message>
    <message>
      <source>须填写受理的人民法院</source>
      <translation>enter the court applied to</translation>
    </message>
    <message>
      <source>须填写督办意见</source>
      <translation>the supervision opinion is required</translation>
    </message>
    <message>
      <source>须指定一个账号</source>
      <translation>choose an account</translation>
    </message>
    <message>
      <source>须选择一个村（社区）</source>
      <translation>choose a village (community)</translation>
    </message>
    <message>
      <source>风险信号</source>
      <translation>risk signals</translation>
    </message>
    <message>
      <source>风险等级</source>
      <translation>risk level</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
  </context>
</TS>