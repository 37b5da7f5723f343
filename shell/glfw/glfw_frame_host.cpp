// The GLFW + OpenGL part of both hosts' FrameHost (see glfw_frame_host.h).
#include "glfw_frame_host.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace parley::shell {

GlfwFrameHost::GlfwFrameHost(GLFWwindow* window, const char* glsl_version) : window_(window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init(glsl_version);
}

GlfwFrameHost::~GlfwFrameHost() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

void GlfwFrameHost::reload_fonts() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void GlfwFrameHost::new_frame(const FrameMetrics&) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
}

void GlfwFrameHost::end_frame(const FrameMetrics& metrics, const FrameInfo& frame) {
  glViewport(0, 0, metrics.framebuffer_width, metrics.framebuffer_height);
  glClearColor(0.96f, 0.96f, 0.95f, 1.0f);  // the shell's window background
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  present(metrics, frame);
}

std::string GlfwFrameHost::clipboard_text() {
  const char* text = glfwGetClipboardString(window_);
  return text ? text : "";
}

void GlfwFrameHost::set_clipboard_text(std::string_view text) {
  glfwSetClipboardString(window_, std::string(text).c_str());
}

}  // namespace parley::shell
